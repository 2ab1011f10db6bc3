"""Exact medians over long periods: monthly histograms, and the facts only where the median lies.

A median cannot be summed from monthly medians, but it can be found from counts: with how many
values fall in each bucket, the median's rank (or the two middle ranks) lands in one bucket, and
only that bucket's values need reading. The roll-up keeps, per month, the count of values per bucket:

- days from publication to signed contract are whole days (two dates), so the bucket *is* the
  value and the histogram gives the median exactly, with no further read;
- days from publication to first interest are fractional, so the bucket is the whole day below the
  value, and the values of the one or two buckets holding the middle ranks are read from the facts
  (a day's worth of values across all listings, through an index on the value).

The median is then computed as the facts path computes it (PostgreSQL's percentile_cont, Python's
statistics.median on SQLite), so both paths return the same float. Only unfiltered durations use
this (a histogram per city or field would be as large as the facts it replaces); filtered ones read
the facts, which the filter already narrows. A histogram found out of step with the facts (a bucket
without the values it counts) is logged and the caller reads the facts instead: slower, still exact.
"""

import logging
import statistics
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, Integer, and_, case, cast, delete, func, insert, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from backend.core.db import UTCDateTime, utcnow
from backend.stats import rollup
from backend.stats.cube import Span, span
from backend.stats.fact_models import ContractFact, ListingFact, RefreshState, RollupState, WaitMonth
from backend.stats.filters import LOCAL, Filters, local_midnight_utc
from backend.stats.settings import get_stats_settings
from backend.stats.sql import fixed

log = logging.getLogger(__name__)

INTEREST, CONTRACT = "interest", "contract"
# The RefreshState row saying when the histograms were last built in full. Without it (never built)
# the next refresh builds them all rather than updating the months it touched, and none are read.
BUILT = "wait-histograms"
# Before that marker, a RollupState row of this name with dummy thresholds said the same; removed on
# the next build so the roll-up's state table holds only the roll-up's thresholds.
_OLD_MARKER = "medians"


def _floor(dialect: str, value: Any) -> Any:
    if dialect == "postgresql":
        return cast(func.floor(value), Integer)
    truncated = cast(value, Integer)  # SQLite truncates towards zero; a negative value needs one less
    return truncated - case((value < truncated, 1), else_=0)


def _local_month(dialect: str, moment: Any) -> Any:
    if dialect == "postgresql":
        return cast(func.date_trunc("month", func.timezone("Asia/Shanghai", moment)), Date)
    return func.date(moment, "+8 hours", "start of month")


def _contract_days(dialect: str) -> Any:
    c = ContractFact
    if dialect == "postgresql":
        return c.signed_on - c.published_on
    return cast(func.julianday(c.signed_on) - func.julianday(c.published_on), Integer)


def _interest_in(days: Iterable[tuple[date, date]]) -> ColumnElement[bool]:
    f = ListingFact
    ranges = [
        and_(f.published_at >= local_midnight_utc(a), f.published_at < local_midnight_utc(b + timedelta(days=1)))
        for a, b in days
    ]
    return and_(f.days_to_first_interest.is_not(None), or_(*ranges))


def _contract_in(days: Iterable[tuple[date, date]]) -> ColumnElement[bool]:
    c = ContractFact
    ranges = [and_(c.signed_on >= a, c.signed_on <= b) for a, b in days]
    return and_(c.published_on.is_not(None), or_(*ranges))


def _source(dialect: str, kind: str) -> tuple[Any, Any, Any, ColumnElement[bool]]:
    """Month, bucket, the rows within given days, and the rows that have a value at all."""
    if kind == CONTRACT:
        c = ContractFact
        present = and_(c.published_on.is_not(None), c.signed_on.is_not(None))
        return rollup.month_start(dialect, c.signed_on), _contract_days(dialect), _contract_in, present
    f = ListingFact
    month, bucket = _local_month(dialect, f.published_at), _floor(dialect, f.days_to_first_interest)
    return month, bucket, _interest_in, f.days_to_first_interest.is_not(None)


def update(session: Session, kind: str, months: Iterable[date] | None = None) -> None:
    """Recompute the histograms of every month (None) or of the given months (first days)."""
    month, bucket, within, present = _source(session.get_bind().dialect.name, kind)
    select_rows = select(literal(kind), month, bucket, func.count()).group_by(month, bucket)
    columns = ["kind", "month", "bucket", "n"]
    if months is None:
        session.execute(delete(WaitMonth).where(WaitMonth.kind == kind).execution_options(synchronize_session=False))
        session.execute(insert(WaitMonth).from_select(columns, select_rows.where(present)))
        return
    for lo, hi in rollup.runs(months):
        stale = delete(WaitMonth).where(WaitMonth.kind == kind, WaitMonth.month >= lo, WaitMonth.month < hi)
        session.execute(stale.execution_options(synchronize_session=False))
        rows = select_rows.where(within([(lo, hi - timedelta(days=1))]))
        session.execute(insert(WaitMonth).from_select(columns, rows))


def rebuild(session: Session) -> None:
    for kind in (CONTRACT, INTEREST):
        update(session, kind)
    session.execute(
        delete(RollupState).where(RollupState.name == _OLD_MARKER).execution_options(synchronize_session=False)
    )
    marker = session.get(RefreshState, BUILT)
    if marker is None:
        session.add(RefreshState(name=BUILT, refreshed_at=utcnow()))
    else:
        marker.refreshed_at = utcnow()
    session.flush()


def built(session: Session) -> bool:
    """Whether the histograms were built (the refresh keeps them in step from then on)."""
    return session.get(RefreshState, BUILT) is not None


def published_months(session: Session, kind: str, ids: list[int]) -> set[date]:
    """The local months of these listings' publication (their facts), to recompute after a change."""
    f = ListingFact
    stamps = session.scalars(select(f.published_at).where(f.kind == kind, f.listing_id.in_(ids)))
    return {stamp.astimezone(LOCAL).date().replace(day=1) for stamp in stamps}


def usable(session: Session, filters: Filters) -> Span | None:
    """The period cut into whole months and edge days when the histograms answer these filters."""
    if not get_stats_settings().rollup or not built(session):
        return None  # switched off, or never built
    if any(v is not None for v in (filters.regions, filters.field, filters.organisation_id, filters.contract_type)):
        return None
    cut = span(filters.date_from, filters.date_to)
    return cut if cut.months is not None else None


def _histogram(session: Session, kind: str, cut: Span) -> dict[int, int]:
    dialect = session.get_bind().dialect.name
    counts: dict[int, int] = defaultdict(int)
    assert cut.months is not None
    w = WaitMonth
    whole = select(w.bucket, func.sum(w.n)).where(w.kind == kind, w.month >= cut.months[0], w.month <= cut.months[1])
    statements = [whole.group_by(w.bucket)]
    if cut.days:
        if kind == CONTRACT:
            bucket, where = _contract_days(dialect), _contract_in(cut.days)
        else:
            bucket, where = _floor(dialect, ListingFact.days_to_first_interest), _interest_in(cut.days)
        statements.append(select(bucket, func.count()).where(where).group_by(bucket))
    for stmt in statements:
        for value, n in session.execute(stmt):
            counts[int(value)] += int(n)
    return counts


def _at_rank(counts: dict[int, int], rank: int) -> tuple[int, int] | None:
    """The bucket holding the 0-based ``rank``-th smallest value, and the rank within it; None when
    the counts cannot hold that rank (only a corrupt histogram, with negative counts, does that)."""
    seen = 0
    for bucket in sorted(counts):
        if rank < seen + counts[bucket]:
            return bucket, rank - seen
        seen += counts[bucket]
    return None


def _out_of_step(kind: str, cut: Span, why: str) -> None:
    log.warning("stats %s histogram out of step with the facts for %s (%s): reading the facts", kind, cut, why)


def _middle(session: Session, a: float, b: float) -> float:
    if session.get_bind().dialect.name == "postgresql":
        return a + (b - a) * 0.5  # as percentile_cont interpolates
    return float(statistics.median([a, b]))


def median(session: Session, kind: str, filters: Filters, cut: Span) -> tuple[int, float | None] | None:
    """The count and median of the period's values from the histograms, or None when the histograms
    turn out not to match the facts (the caller then reads the facts)."""
    counts = _histogram(session, kind, cut)
    total = sum(counts.values())
    if total == 0:
        return 0, None
    if any(n < 0 for n in counts.values()):
        _out_of_step(kind, cut, "a negative count")
        return None
    ranks = ((total - 1) // 2, total // 2)
    found = [_at_rank(counts, r) for r in sorted(set(ranks))]  # one rank when the count is odd
    places = [place for place in found if place is not None]
    if len(places) != len(found):
        _out_of_step(kind, cut, f"no bucket holds rank {ranks[1]} of {total}")
        return None
    if kind == CONTRACT:
        low, high = (float(bucket) for bucket, _ in (places[0], places[-1]))
        return total, _middle(session, low, high)
    f = ListingFact
    # Bounds written into the statement (``sql.fixed``): a generic plan cannot see that a one-day
    # bucket is narrower than a ten-year period and read the period by date (50 ms instead of 5).
    start, end = fixed(session, filters.start_utc, UTCDateTime()), fixed(session, filters.end_utc, UTCDateTime())
    values = []
    for bucket, offset in places:
        stmt = (
            select(f.days_to_first_interest)
            .where(
                f.published_at >= start,
                f.published_at < end,
                f.days_to_first_interest >= fixed(session, bucket),
                f.days_to_first_interest < fixed(session, bucket + 1),
            )
            .order_by(f.days_to_first_interest)
            .offset(offset)
            .limit(1)
        )
        value = session.scalars(stmt).one_or_none()
        if value is None:  # the histogram counts more values in this bucket than the facts hold
            _out_of_step(kind, cut, f"bucket {bucket} has no value at offset {offset}")
            return None
        values.append(float(value))
    return total, values[0] if len(values) == 1 else _middle(session, values[0], values[1])
