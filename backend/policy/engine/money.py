"""Exact money: Decimal built from strings, quantized to the fen with ROUND_HALF_UP. Never a float."""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
# Money is stored as NUMERIC(14,2): twelve digits of yuan.
MAX_MONEY = Decimal("999999999999.99")

# Amounts up to NUMERIC(14,2) times a rate need far less than this; the margin keeps every product exact.
_CONTEXT = decimal.Context(prec=60, rounding=ROUND_HALF_UP)


class MoneyError(ValueError):
    """An amount or a rate that cannot be read exactly."""


def to_decimal(value: Any, *, what: str = "amount") -> Decimal:
    """Read a number given as a string, an int, a Decimal or (through ``str``) a float.

    Floats go through ``str`` so that ``0.1`` is read as the ``"0.1"`` the JSON said, not as its binary
    approximation. Booleans are refused: ``true`` is not an amount.
    """
    if isinstance(value, bool):
        raise MoneyError(f"{what} must be a number or a numeric string, not a boolean")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | float):
        result = _parse(str(value), what)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        if not text:
            raise MoneyError(f"{what} is an empty string")
        result = _parse(text, what)
    else:
        raise MoneyError(f"{what} must be a number or a numeric string, got {type(value).__name__}")
    if not result.is_finite():
        raise MoneyError(f"{what} must be a finite number, got {value!r}")
    return result


def _parse(text: str, what: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise MoneyError(f"{what} is not a number: {text!r}") from None


def parse_money(value: Any, *, what: str = "amount") -> Decimal:
    """An amount in yuan: non-negative, at most two decimals (fen), returned with exactly two decimals."""
    amount = to_decimal(value, what=what)
    if amount < 0:
        raise MoneyError(f"{what} must not be negative, got {value!r}")
    if amount > MAX_MONEY:
        raise MoneyError(f"{what} is too large (at most {MAX_MONEY}), got {value!r}")
    if amount != amount.quantize(FEN, context=_CONTEXT):
        raise MoneyError(f"{what} has more than two decimals (the fen): {value!r}")
    return amount.quantize(FEN, context=_CONTEXT)


def parse_rate(value: Any, *, what: str = "rate") -> Decimal:
    """A rate as a fraction between 0 and 1 (0.025 is 2.5 %)."""
    rate = to_decimal(value, what=what)
    if rate < 0 or rate > 1:
        raise MoneyError(f"{what} must be a fraction between 0 and 1 (0.3 for 30%), got {value!r}")
    return rate


def mul(a: Decimal, b: Decimal) -> Decimal:
    """Exact product (no rounding happens before the final quantize)."""
    return _CONTEXT.multiply(a, b)


def add(a: Decimal, b: Decimal) -> Decimal:
    return _CONTEXT.add(a, b)


def sub(a: Decimal, b: Decimal) -> Decimal:
    return _CONTEXT.subtract(a, b)


def quantize_fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP, context=_CONTEXT)


def fmt_money(value: Decimal) -> str:
    """Two decimals, never scientific notation: the JSON wire format of money."""
    return format(quantize_fen(value), "f")


def fmt_exact(value: Decimal) -> str:
    """An unrounded intermediate with thousands separators, showing every decimal it has (at least two)."""
    exponent = value.normalize().as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{value:,.{places}f}"


def fmt_percent(rate: Decimal) -> str:
    text = format(mul(rate, Decimal(100)).normalize(), "f")
    return f"{text}%"
