"""A rule set as data: who it pays, the conditions, how the amount is computed, the documents it asks for.

Anything a published source leaves open is an explicit nullable value here (``rate: null``, a cap with
``amount: null``, ``contract_types: null``): the engine reports such an amount as unknown and never
substitutes a guess.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backend.policy.engine.types import LocalText, Money, NonNegative, Rate

RuleSetKind = Literal[
    "buyer_subsidy",
    "seller_subsidy",
    "broker_reward",
    "institution_reward",
    "registration_office_reward",
    "innovation_voucher",
]
ContractTypeName = Literal["development", "transfer", "licence", "consulting", "service", "training", "brokerage"]
BuyerKindName = Literal["enterprise", "start_up_team", "university", "research_institute", "individual", "other"]
SellerKindName = Literal["university", "research_institute", "enterprise", "individual", "other"]
Beneficiary = Literal["buyer", "seller", "registrant"]
Basis = Literal["paid_amount", "transaction_amount"]
PaymentWindow = Literal["up_to_year_end", "in_year"]
CapScope = Literal["project", "beneficiary_year", "result"]
DocumentCondition = Literal["always", "paid_in_equity", "patent_transfer", "patent_licence"]


class _Strict(BaseModel):
    # A typo in a rule set must fail loudly, not silently drop a condition.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Source(_Strict):
    document: str = Field(description="Title of the published document")
    number: str | None = Field(default=None, description="Document number, e.g. 南科规〔2025〕3号")
    issuer: str | None = None
    issued_on: date | None = None
    note: str | None = None


class Region(_Strict):
    province: str | None = None
    city: str | None = None


class FieldException(_Strict):
    field: str
    on_or_after: date


class SignedOnOrAfter(_Strict):
    on_or_after: date
    exceptions: list[FieldException] = Field(default_factory=list)


class NewSales(_Strict):
    minimum: Money | None = None
    transaction_amount_not_above: bool = False


class Exclusions(_Strict):
    related_parties: bool = False
    prior_public_funding: bool = False
    result_previously_subsidised: bool = False


class Conditions(_Strict):
    contract_types: list[ContractTypeName] | None = None
    registration_required: bool = False
    min_paid_amount: Money | None = None
    min_transaction_amount: Money | None = None
    buyer_region: Region | None = None
    buyer_kinds: list[BuyerKindName] | None = None
    independent_legal_person_required: bool = False
    min_years_operating: NonNegative | None = None
    sme_required: bool = False
    start_up_teams_accepted: bool = Field(
        default=False, description="With sme_required, a buyer of kind start_up_team also qualifies"
    )
    seller_kinds: list[SellerKindName] | None = None
    signed: SignedOnOrAfter | None = None
    new_sales: NewSales | None = None
    exclusions: Exclusions = Field(default_factory=Exclusions)


class Bracket(_Strict):
    """A marginal band: ``rate`` applies to the part of the basis between ``from`` and ``to``."""

    lower: Money = Field(alias="from")
    upper: Money | None = Field(default=None, alias="to")
    rate: Rate | None

    @model_validator(mode="after")
    def _ordered(self) -> Bracket:
        if self.upper is not None and self.upper <= self.lower:
            raise ValueError(f"bracket 'to' ({self.upper}) must be above 'from' ({self.lower})")
        return self


class Cap(_Strict):
    scope: CapScope
    amount: Money | None = Field(description="null: the cap exists but its figure is an unset parameter")


class AmountRule(_Strict):
    """How the amount is computed; the first rule whose ``applies_to_*`` matches the case is used."""

    label: LocalText | None = None
    applies_to_seller_kinds: list[SellerKindName] | None = None
    applies_to_buyer_kinds: list[BuyerKindName] | None = None
    basis: Basis
    rate: Rate | None = None
    equity_rate: Rate | None = Field(
        default=None, description="Rate on payments made in equity; null means the same as rate"
    )
    brackets: list[Bracket] | None = None
    caps: list[Cap] = Field(default_factory=list, description="Applied in this order")

    @model_validator(mode="after")
    def _one_formula(self) -> AmountRule:
        if self.brackets is not None:
            if self.rate is not None or self.equity_rate is not None:
                raise ValueError("an amount rule has either a flat 'rate' or 'brackets', not both")
            if not self.brackets:
                raise ValueError("'brackets' must not be empty")
            for before, after in zip(self.brackets, self.brackets[1:], strict=False):
                if before.upper is None or before.upper != after.lower:
                    raise ValueError("brackets must be contiguous: each 'from' equals the previous 'to'")
            if self.brackets[0].lower != 0:
                raise ValueError("the first bracket must start at 0")
        return self


class Amount(_Strict):
    payments_counted: PaymentWindow = Field(
        default="up_to_year_end",
        description="up_to_year_end: payments dated in or before the case year; in_year: the year's deals",
    )
    rules: list[AmountRule] = Field(min_length=1)


class RequiredDocument(_Strict):
    id: str
    zh: str
    en: str
    when: DocumentCondition = "always"


class RuleSet(_Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    version: str
    title: LocalText
    kind: RuleSetKind
    beneficiary: Beneficiary
    region: Region
    valid_from: date | None = None
    valid_to: date | None = None
    source: Source
    conditions: Conditions = Field(default_factory=Conditions)
    amount: Amount
    documents: list[RequiredDocument] = Field(default_factory=list)
    notes: list[LocalText] = Field(default_factory=list)

    @model_validator(mode="after")
    def _period(self) -> RuleSet:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self

    def has_unset_parameters(self) -> bool:
        for rule in self.amount.rules:
            if rule.brackets is None and rule.rate is None:
                return True
            if rule.brackets is not None and any(b.rate is None for b in rule.brackets):
                return True
            if any(cap.amount is None for cap in rule.caps):
                return True
        return False
