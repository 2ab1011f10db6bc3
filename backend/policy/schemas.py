"""Shapes of subsidy applications."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from backend.accounts.schemas import Text
from backend.core.money import Money
from backend.deals.schemas import Amount, IsoDate

ApplicationStatus = Literal["draft", "submitted", "first_approved", "approved", "rejected"]


class Declarations(BaseModel):
    """What the applicant states and the platform cannot know; left out means unknown."""

    independent_legal_person: bool | None = None
    years_operating: Annotated[int, Field(ge=0, le=500)] | None = None
    sme: bool | None = None
    related_parties: bool | None = None
    prior_public_funding: bool | None = None
    result_previously_subsidised: bool | None = None


class ApplicationIn(BaseModel):
    deal_id: Annotated[int, Field(ge=1, le=2_147_483_647)]
    rule_set: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9\-]{0,79}$")]
    year: Annotated[int, Field(ge=2000, le=2100)]
    declarations: Declarations = Declarations()


class DocumentAttach(BaseModel):
    document: Annotated[str, StringConstraints(min_length=1, max_length=64)] = Field(
        description="Checklist item id from the rule set's documents"
    )
    deal_document_id: Annotated[int, Field(ge=1, le=2_147_483_647)] = Field(
        description="A document uploaded to the deal"
    )


class ApplicationReviewIn(BaseModel):
    decision: Literal["approve", "reject"]
    reason: Annotated[Text, StringConstraints(max_length=1000)] | None = None


class ReviewOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    reviewer_id: int
    decision: str
    reason: str | None
    at: datetime


class PayoutIn(BaseModel):
    amount: Amount = Field(description="Yuan paid in this transfer; with earlier payouts at most the amount granted")
    paid_on: IsoDate = Field(description="The day the money left (Asia/Shanghai), not before the approval")
    reference: Annotated[Text, StringConstraints(min_length=1, max_length=64)] = Field(
        description="The transfer's reference (treasury or bank voucher number), unique per application"
    )


class PayoutOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    amount: Money
    paid_on: date
    reference: str
    recorded_by_id: int
    created_at: datetime


class ApplicationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    deal_id: int
    applicant_org_id: int
    rule_set: str
    rule_set_version: str
    year: int
    status: ApplicationStatus
    eligible: bool
    amount: Money | None
    required_approvals: int
    declarations: dict[str, Any]
    documents: dict[str, Any]
    case: dict[str, Any]
    evaluation: dict[str, Any] = Field(description="Checks, calculation and missing documents, frozen")
    version: int
    created_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    reviews: list[ReviewOut] = []
    paid: Money = Field(default=Decimal("0.00"), description="Paid out so far (sum of the payouts)")
    payouts: list[PayoutOut] = []
