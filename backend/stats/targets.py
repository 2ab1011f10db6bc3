"""Annual targets per city or institution, and how far each is achieved.

Achieved is measured like the contract indicators (registration day, else signing day, in the
target's calendar year; city = the seller's region, a province includes its cities):
``transformation_projects`` counts contracts at or above the transformation threshold,
``technology_amount`` sums their technology amounts. Completion = achieved / target x 100 with one
decimal, rounded half up (the seed's "120.3% of the annual task").
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation, User
from backend.core.errors import Unprocessable
from backend.core.money import quantize_fen
from backend.core.regions import is_region, region_codes_within
from backend.stats import cube
from backend.stats.filters import Filters, Thresholds, year_bounds
from backend.stats.models import StatsTarget
from backend.stats.pipeline import percent
from backend.stats.schemas import TargetIn, TargetsIn
from backend.stats.sql import yuan

COUNT_METRIC = "transformation_projects"


@dataclass
class Achievement:
    target: StatsTarget
    achieved: Decimal
    completion: Decimal | None

    def format(self, value: Decimal) -> str:
        return str(int(value)) if self.target.metric == COUNT_METRIC else f"{quantize_fen(value):.2f}"


def _invalid(index: int, loc: str, msg: str) -> Unprocessable:
    return Unprocessable(msg, details=[{"loc": ["body", "items", index, loc], "msg": msg, "type": "value_error"}])


def _scope_key(session: Session, index: int, item: TargetIn) -> str:
    if (item.city is None) == (item.organisation_id is None):
        raise _invalid(index, "city", "give either city or organisation_id")
    if item.city is not None:
        if not is_region(item.city):
            raise _invalid(index, "city", f"{item.city} is not a known region code")
        return f"city:{item.city}"
    if session.get(Organisation, item.organisation_id) is None:
        raise _invalid(index, "organisation_id", f"organisation {item.organisation_id} does not exist")
    return f"org:{item.organisation_id}"


def set_targets(session: Session, *, actor: User, data: TargetsIn) -> None:
    """Create or replace each listed target; targets not listed are left as they are."""
    seen: set[tuple[str, str]] = set()
    for index, item in enumerate(data.items):
        key = _scope_key(session, index, item)
        if item.metric == COUNT_METRIC and item.target != item.target.to_integral_value():
            raise _invalid(index, "target", "a count of projects is a whole number")
        if (item.metric, key) in seen:
            raise _invalid(index, "city", "this target is listed twice")
        seen.add((item.metric, key))
        row = session.scalars(
            select(StatsTarget).where(
                StatsTarget.year == data.year, StatsTarget.metric == item.metric, StatsTarget.scope_key == key
            )
        ).one_or_none()
        if row is None:
            row = StatsTarget(year=data.year, metric=item.metric, scope_key=key)
            session.add(row)
        row.region, row.organisation_id = item.city, item.organisation_id
        row.target, row.set_by_id = quantize_fen(item.target), actor.id
    session.flush()


def achievements(session: Session, *, year: int, thresholds: Thresholds) -> list[Achievement]:
    targets = session.scalars(
        select(StatsTarget).where(StatsTarget.year == year).order_by(StatsTarget.metric, StatsTarget.scope_key)
    ).all()
    if not targets:
        return []
    # One pass over the year's contracts, grouped by city and seller; each target sums its cells.
    found = cube.contract_groups(session, Filters(*year_bounds(year)), thresholds, ("city", "seller_org_id"))
    by_city: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_org: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for (city, org_id), sums in found.items():
        for bucket in (by_city[city], by_org[org_id]):
            bucket[0] += sums.transformation_projects
            bucket[1] += sums.technology_fen
    out = []
    for target in targets:
        if target.region is not None:
            cells = [by_city[c] for c in region_codes_within(target.region) if c in by_city]
        else:
            cells = [by_org[target.organisation_id]] if target.organisation_id in by_org else []
        projects, tech_fen = sum(c[0] for c in cells), sum(c[1] for c in cells)
        achieved = Decimal(projects) if target.metric == COUNT_METRIC else yuan(tech_fen)
        out.append(Achievement(target, achieved, percent(achieved, target.target)))
    return out
