"""Rule sets shipped as data: ``backend/policy/presets/<name>.json``; adding one needs no code."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from backend.policy.engine.ruleset import RuleSet


class RuleSetNotFound(LookupError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"unknown rule set {name!r}; known rule sets: {', '.join(known)}")
        self.name = name
        self.known = known


class RuleSetInvalid(ValueError):
    pass


def _directory() -> Path:
    return Path(str(resources.files("backend.policy").joinpath("presets")))


def preset_names() -> list[str]:
    return sorted(path.stem for path in _directory().glob("*.json"))


def parse_rule_set(text: str, *, origin: str) -> RuleSet:
    try:
        return RuleSet.model_validate_json(text)
    except ValidationError as error:
        raise RuleSetInvalid(f"rule set {origin} is invalid:\n{error}") from None


def load_preset(name: str) -> RuleSet:
    path = _directory() / f"{name}.json"
    if name not in preset_names():
        raise RuleSetNotFound(name, preset_names())
    rules = parse_rule_set(path.read_text(encoding="utf-8"), origin=path.name)
    if rules.name != name:
        raise RuleSetInvalid(f"preset file {path.name} declares name {rules.name!r}")
    return rules


def list_presets() -> list[RuleSet]:
    return [load_preset(name) for name in preset_names()]


def load_rule_set(name_or_path: str) -> RuleSet:
    """A preset by name, or a rule-set JSON file by path (anything ending in .json or naming a file)."""
    path = Path(name_or_path)
    if name_or_path.endswith(".json") or path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise RuleSetInvalid(f"cannot read rule set file {name_or_path}: {error.strerror}") from None
        return parse_rule_set(text, origin=name_or_path)
    return load_preset(name_or_path)


def dump_rule_set(rules: RuleSet) -> str:
    return json.dumps(rules.model_dump(mode="json", by_alias=True, exclude_none=False), ensure_ascii=False, indent=2)
