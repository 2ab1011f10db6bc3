"""The full explanation of a match: shared terms plus field, TRL, budget and mode agreement."""

from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.matching.engine.engine import MatchEngine
from backend.matching.schemas import (
    BudgetCheck,
    BudgetFit,
    Explanation,
    FieldAgreement,
    TermShareOut,
    TrlGap,
)


def budget_fit(need: TechnologyNeed, output: ResearchOutput) -> BudgetFit:
    if output.asking_price is None:
        return "price_on_request"
    if need.budget_max is None and need.budget_min is None:
        return "no_budget"
    if need.budget_max is not None and output.asking_price > need.budget_max:
        return "above_budget"
    if need.budget_min is not None and output.asking_price < need.budget_min:
        return "below_range"
    return "within"


def explain_pair(
    engine: MatchEngine, query: dict[str, str | None], doc_id: int, need: TechnologyNeed, output: ResearchOutput
) -> Explanation:
    why = engine.explain(query, doc_id, top_n=8)
    # Terms under 1 % (single common characters, mostly) say nothing to a reader: fold them into "other".
    shown = [t for t in why.terms if t.share >= 0.01]
    other = why.other_share + sum(t.share for t in why.terms if t.share < 0.01)
    gap = None if output.trl is None or need.target_trl is None else output.trl - need.target_trl
    return Explanation(
        score=round(why.score, 4),
        terms=[TermShareOut(term=t.term, share=round(t.share, 4)) for t in shown],
        other_share=round(other, 4),
        field=FieldAgreement(
            need_field=need.field_code,
            output_field=output.field_code,
            same=need.field_code is not None and need.field_code == output.field_code,
        ),
        trl=TrlGap(need_target=need.target_trl, output_trl=output.trl, gap=gap),
        budget=BudgetCheck(
            asking_price=output.asking_price,
            budget_min=need.budget_min,
            budget_max=need.budget_max,
            fit=budget_fit(need, output),
        ),
        common_modes=sorted(set(need.cooperation_modes or []) & set(output.transfer_modes or [])),
    )
