"""Pydantic field types shared by the rule-set, case and result models."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer

from backend.policy.engine.money import fmt_money, parse_money, parse_rate, to_decimal


def _money(value: Any) -> Decimal:
    return parse_money(value, what="amount")


def _rate(value: Any) -> Decimal:
    return parse_rate(value, what="rate")


def _number(value: Any) -> Decimal:
    number = to_decimal(value, what="number")
    if number < 0:
        raise ValueError(f"must not be negative, got {value!r}")
    return number


def _plain(value: Decimal) -> str:
    return format(value, "f")


Money = Annotated[Decimal, BeforeValidator(_money), PlainSerializer(fmt_money, return_type=str)]
"""Yuan with two decimals; read from a string or a number, written as a string."""

Rate = Annotated[Decimal, BeforeValidator(_rate), PlainSerializer(_plain, return_type=str)]
"""A fraction between 0 and 1, written as a string (``"0.025"`` is 2.5 %)."""

NonNegative = Annotated[Decimal, BeforeValidator(_number), PlainSerializer(_plain, return_type=str)]


class LocalText(BaseModel):
    """A user-facing text in both languages the UI speaks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str
    en: str
