"""``techmatch policy``: evaluate a case under a rule set, list and show the rule sets.

The output of ``evaluate`` is a fixed contract (``eligible``, ``amount``, ``checks`` first) that other tools
parse; errors go to stderr with exit code 2 so that stdout only ever holds that one JSON object.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError

from backend.policy.engine import (
    Case,
    RuleSetInvalid,
    RuleSetNotFound,
    dump_rule_set,
    evaluate,
    list_presets,
    load_rule_set,
)
from backend.policy.engine.result import Lang


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=2)


def _format_validation(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(case)"
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"  {where}: {message}")
    return "\n".join(lines)


def _read_case(path: str) -> Case:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        _fail(f"cannot read case file {path}: {error.strerror}")
    try:
        # Numbers become Decimal straight from their JSON text: a float would already have lost the fen.
        data: Any = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        _fail(f"case file {path} is not valid JSON: {error}")
    if not isinstance(data, dict):
        _fail(f"case file {path} must hold a JSON object")
    try:
        return Case.model_validate(data)
    except ValidationError as error:
        _fail(f"case file {path} is invalid:\n{_format_validation(error)}")


def _load(name: str) -> Any:
    try:
        return load_rule_set(name)
    except (RuleSetNotFound, RuleSetInvalid) as error:
        _fail(str(error))


def register(app: typer.Typer) -> None:
    """Add the ``policy`` command group to the project's CLI."""
    policy = typer.Typer(help="Subsidy, reward and voucher rule sets.", no_args_is_help=True)

    @policy.command("evaluate")
    def evaluate_command(
        case_file: Annotated[str, typer.Argument(metavar="CASE.json", help="The case as JSON ('-' for stdin)")],
        rules: Annotated[str, typer.Option("--rules", "-r", help="Preset name or path to a rule-set JSON file")],
        lang: Annotated[str, typer.Option("--lang", help="Language of the details: en, zh or both")] = "both",
    ) -> None:
        """Evaluate CASE.json under a rule set and print one JSON object."""
        if lang not in ("en", "zh", "both"):
            _fail(f"--lang must be en, zh or both, not {lang!r}")
        chosen: Lang = "en" if lang == "en" else "zh" if lang == "zh" else "both"
        rule_set = _load(rules)
        case = _read_case(case_file)
        result = evaluate(rule_set, case)
        if result.ignored_fields:
            typer.echo(f"warning: ignored unknown fields: {', '.join(result.ignored_fields)}", err=True)
        typer.echo(json.dumps(result.contract_json(chosen), ensure_ascii=False, indent=2))

    @policy.command("list")
    def list_command(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table")] = False,
    ) -> None:
        """List the preset rule sets with their sources."""
        presets = list_presets()
        if as_json:
            rows = [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "version": p.version,
                    "title": p.title.model_dump(),
                    "source": p.source.model_dump(mode="json"),
                    "amount_is_parameter": p.has_unset_parameters(),
                }
                for p in presets
            ]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for p in presets:
            number = f" {p.source.number}" if p.source.number else ""
            typer.echo(f"{p.name}\t{p.kind}\t{p.title.en}\t{p.source.document}{number}")

    @policy.command("show")
    def show_command(
        name: Annotated[str, typer.Argument(help="Preset name or path to a rule-set JSON file")],
    ) -> None:
        """Print a rule set as JSON."""
        typer.echo(dump_rule_set(_load(name)))

    app.add_typer(policy, name="policy")


def main() -> None:
    app = typer.Typer(no_args_is_help=True)
    register(app)
    app()


if __name__ == "__main__":
    main()
