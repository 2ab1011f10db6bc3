"""Builders for policy cases: the issue's example case, changed by dotted paths."""

from __future__ import annotations

import copy
from typing import Any

DROP = object()
"""Use as a value to remove a key from the example case (that datum is then missing)."""

EXAMPLE: dict[str, Any] = {
    "year": 2025,
    "buyer": {
        "kind": "enterprise",
        "province": "广西",
        "city": "南宁",
        "independent_legal_person": True,
        "years_operating": 3,
        "sme": True,
    },
    "seller": {"kind": "university", "province": "广西", "city": "桂林"},
    "related_parties": False,
    "prior_public_funding": False,
    "result_previously_subsidised": False,
    "field": "biomedicine",
    "contract": {
        "type": "development",
        "registered": True,
        "signed_on": "2024-05-01",
        "total": "800000.00",
        "non_technical_costs": "0.00",
    },
    "payments": [{"paid_on": "2025-03-01", "amount": "500000.00", "in_equity": False}],
    "new_sales_revenue": "1500000.00",
    "already_granted_this_year": "0.00",
}


def build_case(changes: dict[str, Any] | None = None) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    for path, value in (changes or {}).items():
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node.setdefault(key, {})
        if value is DROP:
            node.pop(last, None)
        else:
            node[last] = copy.deepcopy(value)
    return data


def paid(*amounts: str, on: str = "2025-03-01") -> list[dict[str, Any]]:
    return [{"paid_on": on, "amount": amount, "in_equity": False} for amount in amounts]
