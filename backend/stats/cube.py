"""Grouped sums over a period: whole months from the roll-up, the days around them from the facts.

A period from 15 March 2023 to 10 June 2026 is read as 15-31 March 2023 and 1-10 June 2026 from the
facts, April 2023 - May 2026 from the roll-up (``rollup``), and the two summed per group. When the
roll-up cannot answer (other thresholds than it counted at, no grain with the dimensions needed,
switched off by ``TECHMATCH_STATS_ROLLUP``), the facts answer for the whole period: the same figures,
only slower over long periods.
"""

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, and_, extract, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from backend.stats import rollup
from backend.stats.fact_models import ContractFact, ContractMonth, DealFact, DealMonth
from backend.stats.filters import Filters, Thresholds, dimension_where
from backend.stats.settings import get_stats_settings
from backend.stats.sql import count_when, fen_of, fixed, int_sum

MONTH = "month"  # a pseudo-dimension: the calendar month, keyed by its first day
Key = tuple[Any, ...]


@dataclass(frozen=True)
class Span:
    """A period cut into whole months (first days of the first and last) and the days outside them."""

    months: tuple[date, date] | None
    days: tuple[tuple[date, date], ...]


def span(first: date, last: date) -> Span:
    start = first if first.day == 1 else rollup.next_month(first)  # first day of the first whole month
    month_end = (last + timedelta(days=1)).day == 1
    end = last if month_end else last.replace(day=1) - timedelta(days=1)  # last day of the last whole month
    if start > end:
        return Span(None, ((first, last),))
    days = tuple(r for r in ((first, start - timedelta(days=1)), (end + timedelta(days=1), last)) if r[0] <= r[1])
    return Span((start, end.replace(day=1)), days)


def filter_dims(filters: Filters) -> list[str]:
    named = {
        "city": filters.regions,
        "field": filters.field,
        "contract_type": filters.contract_type,
        "seller_org_id": filters.organisation_id,
    }
    return [dim for dim, value in named.items() if value is not None]


def _keys(table: Any, day: Any, by: Sequence[str]) -> list[Any]:
    keys: list[Any] = []
    for dim in by:
        keys.extend((extract("year", day), extract("month", day)) if dim == MONTH else (getattr(table, dim),))
    return keys


def _key(row: Sequence[Any], by: Sequence[str]) -> tuple[Key, int]:
    """The group key of a row (a month as its first day) and how many columns it took."""
    key: list[Any] = []
    i = 0
    for dim in by:
        if dim == MONTH:
            key.append(date(int(row[i]), int(row[i + 1]), 1))
            i += 2
        else:
            key.append(row[i])
            i += 1
    return tuple(key), i


def _in_days(day: Any, ranges: Sequence[tuple[date, date]]) -> ColumnElement[bool]:
    return or_(*(and_(day >= a, day <= b) for a, b in ranges))


def _plan(
    session: Session, filters: Filters, grains: dict[str, tuple[str, ...]], needed: Sequence[str]
) -> tuple[str | None, Span]:
    """The roll-up grain to read (None: the facts only) and the period's span."""
    facts_only = None, Span(None, ((filters.date_from, filters.date_to),))
    if not get_stats_settings().rollup or rollup.thresholds_fen(session) is None:  # off, or never built
        return facts_only
    cut = span(filters.date_from, filters.date_to)
    grain = rollup.choose(grains, [*filter_dims(filters), *(d for d in needed if d != MONTH)])
    return (grain, cut) if grain is not None and cut.months is not None else facts_only


def _parts(grain: str, months: tuple[date, date], by: Sequence[str]) -> list[tuple[str, date, date]]:
    """The roll-up rows to read for whole months (first days, both included): a grain kept per year
    too is read per year for the whole years among them, unless the months are asked for."""
    first, last = months
    yearly = rollup.YEARLY.get(grain)
    y0 = first.year if first.month == 1 else first.year + 1  # the first and last whole years
    y1 = last.year if last.month == 12 else last.year - 1
    if yearly is None or MONTH in by or y0 > y1:
        return [(grain, first, last)]
    parts = [(yearly, date(y0, 1, 1), date(y1, 1, 1))]
    if first < date(y0, 1, 1):
        parts.append((grain, first, date(y0 - 1, 12, 1)))
    if last > date(y1, 12, 1):
        parts.append((grain, date(y1 + 1, 1, 1), last))
    return parts


def contract_rollup_usable(session: Session, filters: Filters) -> bool:
    """Whether the roll-up answers every breakdown of the contract indicators for these filters, at
    any thresholds (counts at other thresholds than the roll-up's are corrected from the facts)."""
    dims = ("contract_type", "city", "field")
    return all(_plan(session, filters, rollup.CONTRACT_GRAINS, (d,))[0] is not None for d in dims)


_AT = {name: i for i, name in enumerate(rollup.CONTRACT_MEASURES)}  # where each measure is summed
_COUNTED = ("transformation_projects", "major_projects")  # the measures that depend on a threshold


def contract_groups(
    session: Session, filters: Filters, thresholds: Thresholds, by: Sequence[str]
) -> dict[Key, rollup.ContractSums]:
    """Counted contracts of the period grouped by ``by`` (dimensions of the facts, or MONTH)."""
    wanted = (fen_of(thresholds.transformation), fen_of(thresholds.major))
    grain, cut = _plan(session, filters, rollup.CONTRACT_GRAINS, by)
    out: dict[Key, list[int]] = defaultdict(lambda: [0] * len(rollup.CONTRACT_MEASURES))
    statements: list[tuple[int, Any]] = []  # (first measure the columns after the keys add to, statement)
    if grain is not None and cut.months is not None:
        m = ContractMonth
        keys = _keys(m, m.month, by)
        # Each threshold's count comes from its nearest counted amount, corrected from the facts between.
        counted = rollup.thresholds_fen(session) or (0, 0)
        columns = {counted[0]: m.transformation_projects, counted[1]: m.major_projects}
        for rung, name in zip(rollup.LADDER_FEN, rollup.LADDER_COLUMNS, strict=True):
            columns.setdefault(rung, getattr(m, name))
        nearest = (_nearest(list(columns), wanted[0]), _nearest(list(columns), wanted[1]))
        sums = [int_sum(getattr(m, name)) for name in rollup.CONTRACT_MEASURES]
        for measure, amount in zip(_COUNTED, nearest, strict=True):
            sums[_AT[measure]] = int_sum(columns[amount])
        for part, lo, hi in _parts(grain, cut.months, by):
            where = [m.grain == part, m.month >= lo, m.month <= hi, *dimension_where(m, filters)]
            statements.append((0, select(*keys, *sums).where(*where).group_by(*keys)))
        for measure, want, near in zip(_COUNTED, wanted, nearest, strict=True):
            if near != want:
                correction = _threshold_correction(session, filters, by, cut.months, want, near)
                statements.append((_AT[measure], correction))
    if cut.days:
        f = ContractFact
        keys = _keys(f, f.period_on, by)
        stmt = select(*keys, *rollup.contract_measures(f, wanted[0], wanted[1]))
        statements.append(
            (0, stmt.where(_in_days(f.period_on, cut.days), *dimension_where(f, filters)).group_by(*keys))
        )
    for first, stmt in statements:
        for row in session.execute(stmt):
            key, width = _key(row, by)
            totals = out[key]
            for i, value in enumerate(row[width:], start=first):
                totals[i] += int(value)
    return {key: rollup.ContractSums(*totals) for key, totals in out.items()}


def _distance(amount: int, point: int) -> float:
    """How far apart two amounts (fen) are on a log scale: contract amounts spread over orders of
    magnitude, so 250,000 is nearer 200,000 than 500,000 in contracts between them, roughly."""
    return abs(math.log((amount + 1) / (point + 1)))


def _nearest(points: list[int], amount: int) -> int:
    return min(points, key=lambda point: _distance(amount, point))


def _threshold_correction(
    session: Session, filters: Filters, by: Sequence[str], months: tuple[date, date], wanted: int, counted: int
) -> Any:
    """Per key, what to add to a count the roll-up took at ``counted`` (a configured threshold or a
    ladder rung) to count at ``wanted``: a contract counts differently only if its amount lies between
    the two, so only that band of the facts is read (by the amount index, without the table). One
    statement per threshold, so each band is one index range. Bounds are written into the statement
    (``sql.fixed``) so the plan fits the band's width."""
    f = ContractFact
    keys = _keys(f, f.period_on, by)
    low, high = fixed(session, min(wanted, counted)), fixed(session, max(wanted, counted))
    shift = count_when(f.technology_fen >= fixed(session, wanted)) - count_when(
        f.technology_fen >= fixed(session, counted)
    )
    last_day = rollup.next_month(months[1]) - timedelta(days=1)
    period = [f.period_on >= fixed(session, months[0], Date()), f.period_on <= fixed(session, last_day, Date())]
    band = [f.technology_fen >= low, f.technology_fen < high]
    return select(*keys, shift).where(*band, *period, *dimension_where(f, filters)).group_by(*keys)


def deal_groups(session: Session, filters: Filters, by: Sequence[str]) -> dict[Key, int]:
    """Deals opened in the period, counted per ``by`` key."""
    grain, cut = _plan(session, filters, rollup.DEAL_GRAINS, by)
    out: dict[Key, int] = defaultdict(int)
    statements = []
    if grain is not None and cut.months is not None:
        m = DealMonth
        keys = _keys(m, m.month, by)
        for part, lo, hi in _parts(grain, cut.months, by):
            where = [m.grain == part, m.month >= lo, m.month <= hi, *dimension_where(m, filters)]
            statements.append(select(*keys, int_sum(m.deals)).where(*where).group_by(*keys))
    if cut.days:
        f = DealFact
        keys = _keys(f, f.created_on, by)
        where = [_in_days(f.created_on, cut.days), *dimension_where(f, filters)]
        statements.append(select(*keys, func.count()).where(*where).group_by(*keys))
    for stmt in statements:
        for row in session.execute(stmt):
            key, width = _key(row, by)
            out[key] += int(row[width])
    return dict(out)
