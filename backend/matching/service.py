"""Matching services: ranked, filtered, explained matches in both directions, and feedback."""

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import Role
from backend.accounts.models import User
from backend.core.errors import Forbidden
from backend.listings import service as listings
from backend.listings.enums import ListingStatus
from backend.listings.kinds import NEEDS, OUTPUTS
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.listings.schemas import NeedOut, OutputOut
from backend.matching import filters
from backend.matching.documents import need_fields, output_fields
from backend.matching.engine.engine import MatchEngine
from backend.matching.explain import explain_pair
from backend.matching.live_index import NEED_INDEX, OUTPUT_INDEX
from backend.matching.models import MatchFeedback
from backend.matching.schemas import FeedbackIn, NeedMatch, OutputMatch, Suggestion

# Cosine below this shares little more than common characters: not shown as a match.
MIN_SCORE = 0.08
SUGGESTION_NEEDS = 500
L = TypeVar("L", ResearchOutput, TechnologyNeed)


def _verdicts(
    session: Session, user: User | None, *, need_id: int | None = None, output_id: int | None = None
) -> dict[int, str]:
    if user is None:
        return {}
    stmt = select(MatchFeedback).where(MatchFeedback.organisation_id == user.organisation_id)
    if need_id is not None:
        rows = session.scalars(stmt.where(MatchFeedback.need_id == need_id))
        return {r.output_id: r.verdict for r in rows}
    rows = session.scalars(stmt.where(MatchFeedback.output_id == output_id))
    return {r.need_id: r.verdict for r in rows}


def _ranked(
    session: Session,
    engine: MatchEngine,
    query: dict[str, str | None],
    model: type[L],
    allowed: list[int],
    top_k: int,
    min_score: float,
) -> list[tuple[L, float]]:
    """The best rows of ``model`` among ``allowed``, with their scores; both directions share it."""
    hits = engine.search(query, top_k=top_k, allowed=allowed, min_score=min_score) if allowed else []
    rows = {r.id: r for r in session.scalars(select(model).where(model.id.in_([h.doc_id for h in hits])))}
    return [(rows[int(h.doc_id)], round(h.score, 4)) for h in hits if int(h.doc_id) in rows]


def matches_for_need(
    session: Session,
    *,
    user: User | None,
    need_id: int,
    top_k: int,
    f: filters.MatchFilters,
    min_score: float = MIN_SCORE,
) -> list[OutputMatch]:
    need = listings.get_visible(session, kind=NEEDS, user=user, listing_id=need_id)
    assert isinstance(need, TechnologyNeed)
    allowed = filters.outputs_for_need(session, need, user, f)
    engine = OUTPUT_INDEX.engine(session)
    query = need_fields(need)
    verdicts = _verdicts(session, user, need_id=need.id)
    return [
        OutputMatch(
            output=OutputOut.model_validate(output),
            score=score,
            explanation=explain_pair(engine, query, output.id, need, output),
            feedback=verdicts.get(output.id),
        )
        for output, score in _ranked(session, engine, query, ResearchOutput, allowed, top_k, min_score)
    ]


def matches_for_output(
    session: Session,
    *,
    user: User | None,
    output_id: int,
    top_k: int,
    f: filters.MatchFilters,
    min_score: float = MIN_SCORE,
) -> list[NeedMatch]:
    output = listings.get_visible(session, kind=OUTPUTS, user=user, listing_id=output_id)
    assert isinstance(output, ResearchOutput)
    allowed = filters.needs_for_output(session, output, user, f)
    engine = NEED_INDEX.engine(session)
    query = output_fields(output)
    verdicts = _verdicts(session, user, output_id=output.id)
    return [
        NeedMatch(
            need=NeedOut.model_validate(need),
            score=score,
            explanation=explain_pair(engine, query, need.id, need, output),
            feedback=verdicts.get(need.id),
        )
        for need, score in _ranked(session, engine, query, TechnologyNeed, allowed, top_k, min_score)
    ]


def suggestions(session: Session, *, user: User, top_k: int, per_need: int = 3) -> list[Suggestion]:
    """Market-wide: the best (need, output) pairs across the market, for agents and reviewers."""
    if user.role not in (Role.agent, Role.reviewer, Role.platform_admin):
        raise Forbidden("Market-wide suggestions are for agents and reviewers", code="role_required")
    needs = session.scalars(
        select(TechnologyNeed)
        .where(TechnologyNeed.status == ListingStatus.published, TechnologyNeed.deleted_at.is_(None))
        .order_by(TechnologyNeed.published_at.desc().nulls_last())
        .limit(SUGGESTION_NEEDS)
    )
    pairs: list[Suggestion] = []
    for need in needs:
        for match in matches_for_need(session, user=user, need_id=need.id, top_k=per_need, f=filters.MatchFilters()):
            pairs.append(
                Suggestion(
                    need=NeedOut.model_validate(need),
                    output=match.output,
                    score=match.score,
                    explanation=match.explanation,
                )
            )
    pairs.sort(key=lambda s: s.score, reverse=True)
    return pairs[:top_k]


def give_feedback(session: Session, *, user: User, data: FeedbackIn) -> MatchFeedback:
    """Interested or not relevant; 'not relevant' hides the pair from this organisation's matches."""
    need = listings.get_visible(session, kind=NEEDS, user=user, listing_id=data.need_id)
    output = listings.get_visible(session, kind=OUTPUTS, user=user, listing_id=data.output_id)
    row = session.scalar(
        select(MatchFeedback).where(
            MatchFeedback.organisation_id == user.organisation_id,
            MatchFeedback.need_id == need.id,
            MatchFeedback.output_id == output.id,
        )
    )
    if row is None:
        row = MatchFeedback(organisation_id=user.organisation_id, user_id=user.id, need_id=need.id, output_id=output.id)
        session.add(row)
    row.verdict = data.verdict
    row.user_id = user.id
    session.flush()
    return row
