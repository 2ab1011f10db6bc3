"""Shapes of matches and their explanations, for the UI to draw."""

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from backend.core.money import Money
from backend.listings.schemas import NeedOut, OutputOut

Verdict = Literal["interested", "not_relevant"]
BudgetFit = Literal["within", "below_range", "above_budget", "price_on_request", "no_budget"]


class TermShareOut(BaseModel):
    term: str = Field(description="A shared word or phrase")
    share: float = Field(description="Its share of the text score, 0..1")


class FieldAgreement(BaseModel):
    need_field: str | None
    output_field: str | None
    same: bool


class TrlGap(BaseModel):
    need_target: int | None
    output_trl: int | None
    gap: int | None = Field(description="output TRL minus the need's target; negative means less mature")


class BudgetCheck(BaseModel):
    asking_price: Money | None
    budget_min: Money | None
    budget_max: Money | None
    fit: BudgetFit


class Explanation(BaseModel):
    score: float
    terms: list[TermShareOut]
    other_share: float = Field(description="Share carried by terms not listed")
    field: FieldAgreement
    trl: TrlGap
    budget: BudgetCheck
    common_modes: list[str]


class OutputMatch(BaseModel):
    output: OutputOut
    score: float
    explanation: Explanation
    feedback: Verdict | None = None


class NeedMatch(BaseModel):
    need: NeedOut
    score: float
    explanation: Explanation
    feedback: Verdict | None = None


class Suggestion(BaseModel):
    need: NeedOut
    output: OutputOut
    score: float
    explanation: Explanation


class FeedbackIn(BaseModel):
    need_id: Annotated[int, Field(ge=1, le=2_147_483_647)]
    output_id: Annotated[int, Field(ge=1, le=2_147_483_647)]
    verdict: Verdict


class FeedbackOut(FeedbackIn):
    pass


class IndexStatusOut(BaseModel):
    kind: str
    documents: int
    version: str | None
    memory_bytes: int
    drift: float
