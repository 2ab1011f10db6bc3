"""The case being evaluated: a deal described by its parties, contract, payments and sales.

Every field may be missing (the matching check is then reported as unknown), but a field that is present
must be well formed: a malformed case is refused with a message naming the field, never half-read.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, model_validator

from backend.policy.engine import normalize
from backend.policy.engine.money import ZERO, add, sub
from backend.policy.engine.ruleset import BuyerKindName, ContractTypeName, SellerKindName
from backend.policy.engine.types import Money, NonNegative


def _iso_date(value: Any) -> Any:
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"a date must be a string YYYY-MM-DD, got {value!r}")
    text = value.strip().replace("/", "-")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date YYYY-MM-DD: {value!r}") from None


def _text(value: Any) -> Any:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"must be a string, got {value!r}")
    return value.strip() or None


def _province(value: Any) -> Any:
    text = _text(value)
    return normalize.province(text) if text else None


def _city(value: Any) -> Any:
    text = _text(value)
    return normalize.city(text) if text else None


def _contract_type(value: Any) -> Any:
    text = _text(value)
    if text is None:
        return None
    canonical = normalize.contract_type(text)
    if canonical is None:
        raise ValueError(f"unknown contract type {value!r}; use one of {', '.join(normalize.CONTRACT_TYPES)}")
    return canonical


def _kind(allowed: tuple[str, ...]) -> Any:
    def check(value: Any) -> Any:
        text = _text(value)
        if text is None:
            return None
        canonical = normalize.party_kind(text, allowed)
        if canonical is None:
            raise ValueError(f"unknown kind {value!r}; use one of {', '.join(allowed)}")
        return canonical

    return check


def _field(value: Any) -> Any:
    text = _text(value)
    return normalize.field(text) if text else None


def _year(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("year must be a whole number such as 2025")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    # The CLI reads JSON numbers with a fraction as Decimal; 2025.0 is still the year 2025.
    if isinstance(value, Decimal | float) and math.isfinite(value) and value == int(value):
        value = int(value)
    if not isinstance(value, int):
        raise ValueError(f"year must be a whole number such as 2025, got {value!r}")
    if not 1980 <= value <= 2100:
        raise ValueError(f"year out of range (1980-2100): {value}")
    return value


IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]
Province = Annotated[str | None, BeforeValidator(_province)]
City = Annotated[str | None, BeforeValidator(_city)]


class _Part(BaseModel):
    # Unknown keys are kept (and reported as ignored) rather than refused: callers may carry extra data.
    model_config = ConfigDict(extra="allow", frozen=True)


class Buyer(_Part):
    kind: Annotated[BuyerKindName | None, BeforeValidator(_kind(normalize.BUYER_KINDS))] = None
    province: Province = None
    city: City = Field(default=None, description="Where the buyer operates")
    independent_legal_person: StrictBool | None = None
    years_operating: NonNegative | None = None
    sme: StrictBool | None = None


class Seller(_Part):
    kind: Annotated[SellerKindName | None, BeforeValidator(_kind(normalize.SELLER_KINDS))] = None
    province: Province = None
    city: City = None


class Contract(_Part):
    type: Annotated[ContractTypeName | None, BeforeValidator(_contract_type)] = None
    registered: StrictBool | None = None
    signed_on: IsoDate = None
    total: Money | None = None
    non_technical_costs: Money | None = None
    involves_patent: StrictBool | None = None

    @model_validator(mode="after")
    def _costs_within_total(self) -> Contract:
        if self.total is not None and self.non_technical_costs is not None and self.non_technical_costs > self.total:
            raise ValueError(
                f"non_technical_costs ({self.non_technical_costs}) exceed the contract total ({self.total})"
            )
        return self


class Payment(_Part):
    paid_on: IsoDate = None
    amount: Money
    in_equity: StrictBool = False


class Case(_Part):
    year: Annotated[int | None, BeforeValidator(_year)] = None
    buyer: Buyer | None = None
    seller: Seller | None = None
    related_parties: StrictBool | None = None
    prior_public_funding: StrictBool | None = None
    result_previously_subsidised: StrictBool | None = None
    field: Annotated[str | None, BeforeValidator(_field)] = None
    contract: Contract | None = None
    payments: list[Payment] | None = None
    new_sales_revenue: Money | None = None
    already_granted_this_year: Money | None = None
    already_granted_for_project: Money | None = None
    already_granted_for_result: Money | None = None
    documents: list[str] | None = None

    def transaction_amount(self) -> tuple[Decimal | None, bool]:
        """Technology transaction amount = total - non-technical costs; the flag says costs were assumed 0."""
        if self.contract is None or self.contract.total is None:
            return None, False
        costs = self.contract.non_technical_costs
        if costs is None:
            return self.contract.total, True
        return sub(self.contract.total, costs), False

    def ignored_fields(self) -> list[str]:
        found: list[str] = []
        _collect_extra(self, "", found)
        return found


def _collect_extra(model: BaseModel, prefix: str, found: list[str]) -> None:
    for key in model.model_extra or {}:
        found.append(f"{prefix}{key}")
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _collect_extra(value, f"{prefix}{name}.", found)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _collect_extra(item, f"{prefix}{name}[{index}].", found)


def sum_money(values: list[Decimal]) -> Decimal:
    total = ZERO
    for value in values:
        total = add(total, value)
    return total
