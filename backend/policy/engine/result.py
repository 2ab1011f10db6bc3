"""What an evaluation returns: checks, the calculation step by step, the amount, missing documents."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from backend.policy.engine.ruleset import RequiredDocument
from backend.policy.engine.types import LocalText, Money

Lang = Literal["en", "zh", "both"]


def pick(text: LocalText, lang: Lang) -> str:
    if lang == "en":
        return text.en
    if lang == "zh":
        return text.zh
    return f"{text.en} / {text.zh}"


class CheckResult(BaseModel):
    """One condition of the rule set applied to the case; ``passed`` is None when data is missing."""

    model_config = ConfigDict(frozen=True)

    rule: str
    passed: bool | None
    detail: LocalText


class CalculationStep(BaseModel):
    model_config = ConfigDict(frozen=True)

    step: str
    detail: LocalText
    value: Money | None = None


class EvaluationResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule_set: str
    rules_version: str
    eligible: bool
    amount: Money | None
    amount_if_eligible: Money | None
    checks: list[CheckResult]
    calculation: list[CalculationStep]
    missing_documents: list[RequiredDocument]
    assumptions: list[LocalText]
    ignored_fields: list[str]

    @property
    def unknown_checks(self) -> list[CheckResult]:
        return [check for check in self.checks if check.passed is None]

    def contract_json(self, lang: Lang = "both") -> dict[str, object]:
        """The CLI's fixed contract first (eligible, amount, checks), then the explanation."""
        data = self.model_dump(mode="json")
        return {
            "eligible": self.eligible,
            "amount": data["amount"],
            "checks": [
                {"rule": check.rule, "passed": check.passed, "detail": pick(check.detail, lang)}
                for check in self.checks
            ],
            "rule_set": self.rule_set,
            "rules_version": self.rules_version,
            "amount_if_eligible": data["amount_if_eligible"],
            "calculation": [
                {"step": step.step, "detail": pick(step.detail, lang), "value": raw["value"]}
                for step, raw in zip(self.calculation, data["calculation"], strict=True)
            ],
            "missing_documents": data["missing_documents"],
            "assumptions": [pick(text, lang) for text in self.assumptions],
            "ignored_fields": self.ignored_fields,
        }
