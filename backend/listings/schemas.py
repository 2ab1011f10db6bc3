"""Request and response shapes of research outputs and technology needs.

A draft needs only a title; the fields a published listing must have are checked
when it is submitted for review (see ``workflow.missing_for_submission``).
"""

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from backend.accounts.schemas import RegionCode, Required, Text, Version, json_integer
from backend.core.money import Money
from backend.listings.enums import IpKind, IpStatus, ListingStatus, PriceType, TransferMode, Visibility
from backend.listings.taxonomy import fields, is_field


def _valid_field(code: str) -> str:
    if not is_field(code):
        raise ValueError("unknown field code; see GET /taxonomy/fields")
    return code


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


Title = Annotated[Required, StringConstraints(min_length=1, max_length=200)]
# The schema lists the codes so clients (and schema-driven tests) know which values are valid.
FieldCode = Annotated[
    str,
    StringConstraints(max_length=64),
    AfterValidator(_valid_field),
    WithJsonSchema({"type": "string", "enum": sorted(fields())}),
]
Keyword = Annotated[Required, StringConstraints(min_length=1, max_length=40)]
Keywords = Annotated[list[Keyword], Field(max_length=20), AfterValidator(_unique)]
Trl = Annotated[int, Field(ge=1, le=9, description="Technology readiness level 1-9"), BeforeValidator(json_integer)]


def _iso_date(value: Any) -> Any:
    # Without this a number would be read as a Unix timestamp; the schema says an ISO date string.
    if not isinstance(value, str | date):
        raise ValueError("send a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
SHARE_PATTERN = r"^(100(\.00?)?|[1-9]\d?(\.\d\d?)?|0\.(0[1-9]|[1-9]\d?))$"


def _exact_share(value: Any) -> Any:
    # As for money: no floats, and strings exactly as the schema's pattern states.
    if isinstance(value, bool | float) or (isinstance(value, str) and not re.fullmatch(SHARE_PATTERN, value)):
        raise ValueError('a share is a percentage above 0 and at most 100 with up to two decimals, e.g. "33.33"')
    return value


Share = Annotated[
    Decimal,
    Field(gt=0, le=100, max_digits=5, decimal_places=2, description="Percent"),
    BeforeValidator(_exact_share),
    WithJsonSchema(
        {
            "description": "Percent above 0 and at most 100, two decimals at most",
            "anyOf": [{"type": "string", "pattern": SHARE_PATTERN}, {"type": "integer", "minimum": 1, "maximum": 100}],
        },
        mode="validation",
    ),
]
Text200 = Annotated[Text, StringConstraints(max_length=200)]
Text1000 = Annotated[Text, StringConstraints(max_length=1000)]
Text4000 = Annotated[Text, StringConstraints(max_length=4000)]
Text8000 = Annotated[Text, StringConstraints(max_length=8000)]
Text20000 = Annotated[Text, StringConstraints(max_length=20000)]


class Advantage(BaseModel):
    """A quantified advantage, e.g. 'energy use' 30 % lower than the usual process."""

    description: Annotated[Required, StringConstraints(min_length=1, max_length=500)]
    metric: Text200 | None = None
    value: Text200 | None = None


class IpRecord(BaseModel):
    kind: IpKind
    number: Annotated[Text, StringConstraints(max_length=64)] | None = None
    status: IpStatus = IpStatus.granted
    title: Text200 | None = None


class Owner(BaseModel):
    name: Annotated[Required, StringConstraints(min_length=1, max_length=200)]
    share: Share


class ListingCommon(BaseModel):
    field_code: FieldCode | None = None
    keywords: Keywords = []
    # Blank questions are dropped rather than refused: the schema cannot say "not only spaces".
    screening_questions: Annotated[
        list[Text1000], Field(max_length=3), AfterValidator(lambda qs: [q for q in qs if q.strip()])
    ] = Field([], description="Up to three questions an expression of interest must answer")
    region: RegionCode | None = None
    visibility: Visibility = Visibility.public


class OutputDraft(ListingCommon):
    title: Title
    summary: Text4000 | None = Field(None, description="Non-confidential summary shown to everyone")
    confidential_detail: Text20000 | None = Field(None, description="Shown only to the owner and reviewers")
    problem_solved: Text4000 | None = None
    advantages: Annotated[list[Advantage], Field(max_length=20)] = []
    applications: Text4000 | None = None
    trl: Trl | None = None
    ip_records: Annotated[list[IpRecord], Field(max_length=50)] = []
    owners: Annotated[list[Owner], Field(max_length=20)] = []
    transfer_modes: Annotated[list[TransferMode], Field(max_length=6), AfterValidator(_unique)] = []
    price_type: PriceType | None = None
    asking_price: Money | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "OutputDraft":
        if self.owners and sum(o.share for o in self.owners) != 100:
            raise ValueError("owners' shares must add up to 100")
        if self.price_type == PriceType.fixed and self.asking_price is None:
            raise ValueError("a fixed price needs asking_price")
        return self


class OutputUpdate(OutputDraft):
    title: Title | None = None  # type: ignore[assignment]
    version: Version


class NeedDraft(ListingCommon):
    title: Title
    description: Text8000 | None = Field(None, description="The problem to solve")
    specifications: Text4000 | None = Field(None, description="Technical specifications the answer must meet")
    target_trl: Trl | None = None
    budget_min: Money | None = None
    budget_max: Money | None = None
    budget_negotiable: Annotated[bool, Field(strict=True)] = False
    cooperation_modes: Annotated[list[TransferMode], Field(max_length=6), AfterValidator(_unique)] = []
    deadline: IsoDate | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "NeedDraft":
        if self.budget_min is not None and self.budget_max is not None and self.budget_min > self.budget_max:
            raise ValueError("budget_min must not exceed budget_max")
        return self


class NeedUpdate(NeedDraft):
    title: Title | None = None  # type: ignore[assignment]
    version: Version


class ListingMeta(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    organisation_id: int
    title: str
    field_code: str | None
    keywords: list[str]
    screening_questions: list[str]
    region: str | None
    visibility: Visibility
    status: ListingStatus
    review_reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    expires_at: datetime | None


class OutputOut(ListingMeta):
    """What anyone allowed to see the listing sees; never the confidential detail."""

    summary: str | None
    problem_solved: str | None
    advantages: list[Advantage]
    applications: str | None
    trl: int | None
    ip_records: list[IpRecord]
    owners: list[Owner]
    transfer_modes: list[TransferMode]
    price_type: PriceType | None
    asking_price: Money | None


class OutputDetail(OutputOut):
    confidential_detail: str | None = Field(None, description="Present only for the owner's organisation and reviewers")


class NeedOut(ListingMeta):
    description: str | None
    specifications: str | None
    target_trl: int | None
    budget_min: Money | None
    budget_max: Money | None
    budget_negotiable: bool
    cooperation_modes: list[TransferMode]
    deadline: date | None


class ReviewIn(BaseModel):
    decision: Annotated[str, StringConstraints(pattern="^(approve|reject|revise)$")] = Field(
        description="approve, reject, or revise (send back for revision)"
    )
    reason: Text1000 | None = Field(None, description="Required for reject and revise; the owner sees it")


class AuditEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor_id: int | None
    action: str
    changes: dict[str, object]
    note: str | None
