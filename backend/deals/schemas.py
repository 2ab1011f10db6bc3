"""Request and response shapes of deals.

Rules that need the stored deal (a stage, a contract total) are checked by the services
after the deal is found, so a well-formed request about a deal you cannot see is a 404.
"""

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

from backend.accounts.schemas import Text
from backend.core.money import Money
from backend.core.params import MAX_ID
from backend.deals.enums import CommissionKind, ContractType, DeclineReason, InterestStatus, Stage


def _json_integer(value: Any) -> Any:
    # The schema says integer: "5" and true are refused; 5.0 is an integer in JSON Schema, so it is taken.
    if isinstance(value, str | bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError("must be a JSON integer")
    return int(value) if isinstance(value, float) else value


Id = Annotated[int, Field(ge=1, le=MAX_ID), BeforeValidator(_json_integer)]
Note = Annotated[Text, StringConstraints(max_length=1000)]
Ref = Annotated[Text, StringConstraints(max_length=100)]
Version = Annotated[
    int,
    Field(ge=1, le=MAX_ID, description="The version you read; a stale one gets 409"),
    BeforeValidator(_json_integer),
]
PERCENT_PATTERN = r"^(100(\.00?)?|[1-9]\d?(\.\d\d?)?|0\.(0[1-9]|[1-9]\d?))$"


def _iso_date(value: Any) -> Any:
    # Without this a number would be read as a Unix timestamp; the schema says an ISO date string.
    if not isinstance(value, str | date):
        raise ValueError("send a date as YYYY-MM-DD")
    return value


def _exact_percent(value: Any) -> Any:
    # As for money: no floats, and strings exactly as the schema's pattern states.
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 3.0 is an integer in JSON Schema, so the schema allows it
    if isinstance(value, bool | float) or (isinstance(value, str) and not re.fullmatch(PERCENT_PATTERN, value)):
        raise ValueError('a percentage above 0 and at most 100 with up to two decimals, e.g. "3.5"')
    return value


def _integral_float(value: Any) -> Any:
    # 10.0 is an integer in JSON Schema, which the shared Money schema allows; take it as the whole number.
    return int(value) if isinstance(value, float) and value.is_integer() else value


# Money in request bodies; runs before Money's own check, which refuses every float.
Amount = Annotated[Money, BeforeValidator(_integral_float)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Percent = Annotated[
    Decimal,
    BeforeValidator(_exact_percent),
    Field(gt=0, le=100, max_digits=5, decimal_places=2, description="Percent"),
    WithJsonSchema(
        {
            "description": "Percent above 0 and at most 100, two decimals at most",
            "anyOf": [
                {"type": "string", "pattern": PERCENT_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 100},
            ],
        },
        mode="validation",
    ),
]


class InterestOnOutput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    output_id: Id
    message: Annotated[Text, StringConstraints(max_length=4000)]
    answers: Annotated[list[Note], Field(max_length=3)] = Field([], description="One per screening question, in order")


class InterestOnNeed(BaseModel):
    model_config = ConfigDict(extra="forbid")

    need_id: Id
    offered_output_id: Id | None = Field(None, description="Your organisation's output that answers the need")
    message: Annotated[Text, StringConstraints(max_length=4000)]
    answers: Annotated[list[Note], Field(max_length=3)] = Field([], description="One per screening question, in order")


class InterestDecision(BaseModel):
    decision: Literal["accept", "decline"]
    reason_code: DeclineReason | None = Field(None, description="Required when declining")
    reason_text: Note | None = Field(None, description="Required with reason_code 'other'")


class InterestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    output_id: int | None
    need_id: int | None
    offered_output_id: int | None
    sender_org_id: int
    sender_id: int
    recipient_org_id: int
    message: str
    answers: list[str]
    status: InterestStatus
    reason_code: DeclineReason | None
    reason_text: str | None
    decided_at: datetime | None
    deal_id: int | None
    created_at: datetime


class DealIn(BaseModel):
    output_id: Id
    need_id: Id | None = None
    buyer_org_id: Id | None = Field(None, description="Required unless you open the deal as the buyer")
    agent_id: Id | None = Field(None, description="An agent user; an agent opening a deal becomes its agent")


class TransitionIn(BaseModel):
    to: Stage
    version: Version
    note: Note | None = None
    reason: Note | None = Field(None, description="Required when moving to closed_lost")


class EngageAgentIn(BaseModel):
    agent_id: Id = Field(description="An active user with the agent role (see GET /agents)")
    version: Version


class AgentOut(BaseModel):
    id: int
    full_name: str
    organisation_id: int
    organisation_name: str


class DealOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    output_id: int | None
    need_id: int | None
    seller_org_id: int
    buyer_org_id: int
    agent_id: int | None
    agent_name: str | None = Field(None, description="The agent's full name")
    agency_org_id: int | None
    stage: Stage
    allowed_next: list[Stage] = []
    lost_reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None


class HistoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor_id: int | None
    actor_name: str | None = Field(None, description="Full name of who made the change")
    action: str
    changes: dict[str, object]
    note: str | None


class ContractIn(BaseModel):
    contract_type: ContractType
    total: Amount
    non_technical_costs: Amount = Field(Decimal("0"), description="Equipment, instruments, parts, raw materials")
    royalty_terms: Annotated[Text, StringConstraints(max_length=2000)] | None = None
    signed_on: IsoDate | None = Field(None, description="Needed before the deal can move to contract_signed")
    version: Version | None = Field(None, description="The contract version you read; required to change one")


class ContractOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    deal_id: int
    contract_type: ContractType
    total: Money
    non_technical_costs: Money
    technology_amount: Money = Field(description="Technology transaction amount (技术交易额): total - non-technical")
    royalty_terms: str | None
    signed_on: date | None
    version: int
    updated_at: datetime


class RegistrationIn(BaseModel):
    number: Annotated[Text, StringConstraints(min_length=1, max_length=64, pattern=r"\S")]
    office: Annotated[Text, StringConstraints(min_length=1, max_length=200, pattern=r"\S")]
    registered_on: IsoDate
    approved_income: Amount = Field(description="Approved technology income stated on the certificate")
    version: Version | None = Field(None, description="The registration version you read; required to change one")


class RegistrationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    deal_id: int
    number: str
    office: str
    registered_on: date
    approved_income: Money
    version: int
    updated_at: datetime


class PaymentIn(BaseModel):
    paid_on: IsoDate
    amount: Amount
    voucher_ref: Ref | None = None
    invoice_ref: Ref | None = None


class PaymentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    deal_id: int
    paid_on: date
    amount: Money
    voucher_ref: str | None
    invoice_ref: str | None
    recorded_by_id: int
    created_at: datetime


class PaymentsOut(BaseModel):
    items: list[PaymentOut]
    paid_total: Money
    contract_total: Money | None
    outstanding: Money | None
    stage: Stage


class CommissionIn(BaseModel):
    kind: CommissionKind
    rate: Percent | None = Field(None, description="For percentage: percent of each payment")
    amount: Amount | None = Field(None, description="For fixed: earned pro rata as the contract is paid")


class SalesReportIn(BaseModel):
    year: Annotated[int, Field(ge=2000, le=2100), BeforeValidator(_json_integer)]
    new_sales_revenue: Amount


class SalesReportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    deal_id: int
    year: int
    new_sales_revenue: Money
    reported_by_id: int
    updated_at: datetime
