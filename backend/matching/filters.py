"""Which listings may be matched against a given one: filters applied before the top-k cut."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, or_, select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core.db import utcnow
from backend.core.regions import region_codes_within
from backend.listings.enums import ListingStatus, Visibility
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.matching.models import MatchFeedback


@dataclass
class MatchFilters:
    field_code: str | None = None
    region: str | None = None
    trl: bool = True
    budget: bool = True
    modes: bool = True
    include_dismissed: bool = False


def _mode_overlap(column: Any, modes: list[str]) -> Any:
    # JSON arrays are stored as text on both SQLite and PostgreSQL.
    return or_(*(cast(column, String).like(f'%"{mode}"%') for mode in modes))


def _visible(model: Any, user: User | None) -> list[Any]:
    conds = [model.status == ListingStatus.published, model.deleted_at.is_(None)]
    if user is None:
        conds.append(model.visibility == Visibility.public)
    return conds


def _dismissed(user: User | None, *, need_id: int | None = None, output_id: int | None = None) -> Any:
    if user is None:
        return None
    stmt = select(MatchFeedback.output_id if need_id is not None else MatchFeedback.need_id).where(
        MatchFeedback.organisation_id == user.organisation_id, MatchFeedback.verdict == "not_relevant"
    )
    if need_id is not None:
        return stmt.where(MatchFeedback.need_id == need_id)
    return stmt.where(MatchFeedback.output_id == output_id)


def outputs_for_need(session: Session, need: TechnologyNeed, user: User | None, f: MatchFilters) -> list[int]:
    """Ids of the outputs the caller may see that pass every filter for ``need``."""
    m = ResearchOutput
    stmt = select(m.id).where(*_visible(m, user), m.organisation_id != need.organisation_id)
    if f.field_code:
        stmt = stmt.where(m.field_code == f.field_code)
    if f.region:
        stmt = stmt.where(m.region.in_(region_codes_within(f.region)))
    if f.trl and need.target_trl is not None:
        stmt = stmt.where(m.trl >= need.target_trl - 1)
    if f.budget and need.budget_max is not None and not need.budget_negotiable:
        stmt = stmt.where(or_(m.asking_price.is_(None), m.asking_price <= need.budget_max))
    if f.modes and need.cooperation_modes:
        stmt = stmt.where(_mode_overlap(m.transfer_modes, need.cooperation_modes))
    dismissed = _dismissed(user, need_id=need.id)
    if dismissed is not None and not f.include_dismissed:
        stmt = stmt.where(m.id.not_in(dismissed))
    return list(session.scalars(stmt))


def needs_for_output(session: Session, output: ResearchOutput, user: User | None, f: MatchFilters) -> list[int]:
    """Ids of the needs the caller may see that ``output`` could serve."""
    m = TechnologyNeed
    stmt = select(m.id).where(*_visible(m, user), m.organisation_id != output.organisation_id)
    stmt = stmt.where(or_(m.deadline.is_(None), m.deadline >= utcnow().date()))
    if f.field_code:
        stmt = stmt.where(m.field_code == f.field_code)
    if f.region:
        stmt = stmt.where(m.region.in_(region_codes_within(f.region)))
    if f.trl:
        stmt = stmt.where(or_(m.target_trl.is_(None), m.target_trl <= (output.trl or 0) + 1))
    if f.budget and output.asking_price is not None:
        stmt = stmt.where(or_(m.budget_max.is_(None), m.budget_negotiable, m.budget_max >= output.asking_price))
    if f.modes and output.transfer_modes:
        stmt = stmt.where(
            or_(cast(m.cooperation_modes, String) == "[]", _mode_overlap(m.cooperation_modes, output.transfer_modes))
        )
    dismissed = _dismissed(user, output_id=output.id)
    if dismissed is not None and not f.include_dismissed:
        stmt = stmt.where(m.id.not_in(dismissed))
    return list(session.scalars(stmt))
