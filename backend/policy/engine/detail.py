"""Building blocks of a check's explanation, shared by the check modules."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from backend.policy.engine.result import CheckResult
from backend.policy.engine.types import LocalText


def yuan(value: Decimal) -> str:
    return f"{value:,.2f}"


def check_result(rule: str, passed: bool | None, zh: str, en: str) -> CheckResult:
    return CheckResult(rule=rule, passed=passed, detail=LocalText(zh=zh, en=en))


def unknown(rule: str, zh: str, en: str) -> CheckResult:
    return check_result(rule, None, f"未知: {zh}", f"unknown: {en}")


def one_of(rule: str, value: str | None, allowed: Sequence[str], *, what: LocalText) -> CheckResult:
    """A value that must be among the allowed ones (a party's kind, a contract's type)."""
    listed = ", ".join(allowed)
    if value is None:
        return unknown(rule, f"未提供{what.zh} (须为 {listed})", f"{what.en} not given (needs {listed})")
    ok = value in allowed
    return check_result(
        rule,
        ok,
        f"{what.zh} {value}{'符合' if ok else '不符合'} {listed}",
        f"{what.en} {value} {'is' if ok else 'is not'} among: {listed}",
    )


def stated(rule: str, value: bool | None, *, claim: LocalText, holds: LocalText, fails: LocalText) -> CheckResult:
    """A yes/no fact that must hold; ``claim`` is the question, as in "whether <claim>"."""
    if value is None:
        return unknown(rule, f"未说明{claim.zh}", f"whether {claim.en} is not given")
    said = holds if value else fails
    return check_result(rule, value, said.zh, said.en)
