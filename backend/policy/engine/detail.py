"""Building blocks of a check's explanation, shared by the check modules."""

from __future__ import annotations

from decimal import Decimal

from backend.policy.engine.result import CheckResult
from backend.policy.engine.types import LocalText


def yuan(value: Decimal) -> str:
    return f"{value:,.2f}"


def check_result(rule: str, passed: bool | None, zh: str, en: str) -> CheckResult:
    return CheckResult(rule=rule, passed=passed, detail=LocalText(zh=zh, en=en))


def unknown(rule: str, zh: str, en: str) -> CheckResult:
    return check_result(rule, None, f"未知: {zh}", f"unknown: {en}")
