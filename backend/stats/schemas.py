"""Response and request bodies of the statistics API. Money and percentages are strings."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from backend.core.money import Money, money_str
from backend.core.params import MAX_ID

Yuan = Annotated[Decimal, PlainSerializer(money_str, return_type=str, when_used="json")]
Percent = Annotated[
    Decimal | None,
    PlainSerializer(lambda v: None if v is None else f"{v:.1f}", return_type=str | None, when_used="json"),
    Field(description='Percent with one decimal, e.g. "120.3"; null when the base is zero'),
]


class Period(BaseModel):
    date_from: date
    date_to: date


class ThresholdsOut(BaseModel):
    transformation: Yuan = Field(
        description="Technology amount at or above which a contract is a transformation project"
    )
    major: Yuan = Field(description="Technology amount at or above which a project is major (our default, see docs)")


class TallyOut(BaseModel):
    contracts: int
    registered: int
    transformation_projects: int
    major_projects: int
    total: Yuan = Field(description="Sum of contract totals")
    technology_amount: Yuan = Field(description="Sum of technology transaction amounts")
    approved_income: Yuan = Field(description="Sum of registered (approved) technology income")


class Bucket(TallyOut):
    key: str | None = Field(description="Contract type, region code, field code, YYYY-MM or year")


class ContractIndicators(BaseModel):
    period: Period
    thresholds: ThresholdsOut
    totals: TallyOut
    by_type: list[Bucket]
    by_city: list[Bucket]
    by_field: list[Bucket]
    by_month: list[Bucket]
    by_year: list[Bucket]


class Conversion(BaseModel):
    from_stage: str
    to_stage: str
    percent: Percent


class PipelineIndicators(BaseModel):
    period: Period
    deals: int
    by_stage: dict[str, int] = Field(description="Deals at each stage now")
    reached: dict[str, int] = Field(description="Deals that reached each stage of the forward path")
    conversion: list[Conversion]


class DurationIndicators(BaseModel):
    period: Period
    listings_with_interest: int
    median_days_to_first_interest: float | None
    contracts_signed: int
    median_days_to_signed_contract: float | None


class SubsidyBucket(BaseModel):
    key: str
    applications: int = Field(description="Applications approved in the period")
    amount: Yuan = Field(description="Granted by the applications approved in the period")
    payouts: int = Field(description="Payouts made in the period (on applications approved at any time)")
    paid: Yuan = Field(description="Paid in the period")


class SubsidyIndicators(BaseModel):
    period: Period
    applications: int = Field(description="Applications approved in the period")
    amount: Yuan = Field(description="Granted by the applications approved in the period")
    payouts: int = Field(description="Payouts made in the period (on applications approved at any time)")
    paid: Yuan = Field(description="Paid in the period")
    by_rule_set: list[SubsidyBucket]
    by_year: list[SubsidyBucket]


class InstitutionRow(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    organisation_id: int
    name: str
    kind: str
    city: str
    deals: int
    contracts: int
    registered: int
    transformation_projects: int
    total: Yuan
    technology_amount: Yuan


class InstitutionIndicators(BaseModel):
    period: Period
    items: list[InstitutionRow]


class Headline(BaseModel):
    year: int
    transformation_projects: int
    major_projects: int
    contracts: int
    technology_amount: Yuan


Metric = Literal["transformation_projects", "technology_amount"]


class TargetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    metric: Metric = "transformation_projects"
    city: str | None = Field(None, description="Region code (a city, or 450000 for all of Guangxi)")
    organisation_id: int | None = Field(None, ge=1, le=MAX_ID)
    target: Money = Field(description="A count for transformation_projects (whole number), yuan otherwise")


class TargetsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int = Field(ge=2000, le=2100)
    items: list[TargetIn] = Field(min_length=1, max_length=500)


class TargetOut(BaseModel):
    year: int
    metric: Metric
    city: str | None
    organisation_id: int | None
    target: str = Field(description='A whole count ("320") or yuan with two decimals, by metric')
    achieved: str = Field(description="Same unit as the target, in the target's year")
    completion_percent: Percent


class TargetsOut(BaseModel):
    year: int
    thresholds: ThresholdsOut
    items: list[TargetOut]
