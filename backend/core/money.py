"""Money: Decimal built from strings, two decimals, sent in JSON as a string.

Inputs with more than two decimals are refused rather than silently rounded: the
user's figure is kept as written. Computed amounts use ``quantize_fen``.
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated

from pydantic import Field, PlainSerializer

FEN = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")  # NUMERIC(14,2)


def quantize_fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def money_str(value: Decimal) -> str:
    return f"{quantize_fen(value):.2f}"


Money = Annotated[
    Decimal,
    Field(ge=0, le=MAX_AMOUNT, max_digits=14, decimal_places=2, description="Yuan, as a string with two decimals"),
    PlainSerializer(money_str, return_type=str, when_used="json"),
]
