"""Money: Decimal built from strings, two decimals, sent in JSON as a string.

Inputs with more than two decimals are refused rather than silently rounded: the
user's figure is kept as written. Computed amounts use ``quantize_fen``.
"""

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

FEN = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")  # NUMERIC(14,2)


def quantize_fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def money_str(value: Decimal) -> str:
    return f"{quantize_fen(value):.2f}"


AMOUNT_PATTERN = r"^\d{1,12}(\.\d{1,2})?$"
_AMOUNT_RE = re.compile(AMOUNT_PATTERN)


def _exact_amount(value: Any) -> Any:
    # Floats cannot hold most amounts exactly (0.57 arrives as 0.5700000000000001), so only
    # strings in the declared pattern and whole numbers are accepted: the schema says so too.
    if isinstance(value, bool | float):
        raise ValueError('send amounts as a string such as "1250.50"')
    if isinstance(value, str) and not _AMOUNT_RE.fullmatch(value):
        raise ValueError('an amount is digits with at most two decimals, such as "1250.50"')
    return value


Money = Annotated[
    Decimal,
    Field(ge=0, le=MAX_AMOUNT, max_digits=14, decimal_places=2, description="Yuan, as a string with two decimals"),
    BeforeValidator(_exact_amount),
    PlainSerializer(money_str, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "description": "Yuan: a string with at most two decimals, or a whole number",
            "anyOf": [
                {"type": "string", "pattern": AMOUNT_PATTERN},
                {"type": "integer", "minimum": 0, "maximum": int(MAX_AMOUNT)},
            ],
        },
        mode="validation",
    ),
]
