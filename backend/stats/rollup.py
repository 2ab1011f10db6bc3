"""The monthly roll-up of the facts: what a multi-year indicator reads for its whole months.

A year holds about 60,000 contract facts at a million deals; ten years, 600,000, and grouping them
all takes over a second. The roll-up keeps, per calendar month, the facts already summed at several
*grains*: a grain keeps some dimensions (city, field, contract type, seller) and sums over the
others. An indicator reads the smallest grain that has every dimension it filters or breaks down
by, for the whole months of its period, and the facts only for the days of the partial months at
its ends (``cube``), so its answer is the facts' answer, exactly.

Why several grains rather than one row per month x city x field x type x seller: with the seller in,
almost every contract is alone in its cell and nothing is saved; even without it, a ten-year range
over month x city x field x type still has hundreds of thousands of cells. A breakdown by type
without filters needs only month x type (a few hundred rows for ten years).

Threshold counts: whether a contract is a transformation or a major project depends on its own
amount, so a sum cannot be split afterwards. The roll-up counts both at the configured thresholds
(recorded in ``RollupState``); a request with other thresholds corrects those counts from the facts
whose amount lies between its threshold and the configured one (``cube``), and a change of the
configured thresholds rebuilds the roll-up at the next refresh. Medians are not rolled up (a median of medians is not the median): durations read the facts.

Maintenance is the facts refresh's: it recomputes the months whose facts it touched (a changed
contract's old and new month), from the facts, in the same transaction.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Date, cast, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from backend.stats.fact_models import ContractFact, ContractMonth, DealFact, DealMonth, RollupState
from backend.stats.settings import get_stats_settings
from backend.stats.sql import count_when, fen_of, int_sum

# The state row's name carries the grains' version: a roll-up built with other grains has no state
# under this name, so the next refresh rebuilds it rather than answering from missing grains.
STATE = "rollup:4"
# Grain name -> the dimensions it keeps, smallest first (``choose`` takes the first that fits).
CONTRACT_GRAINS: dict[str, tuple[str, ...]] = {
    "": (),
    "t": ("contract_type",),
    "c": ("city",),
    "f": ("field",),
    "ct": ("city", "contract_type"),
    "ft": ("field", "contract_type"),
    "cf": ("city", "field"),
    "o": ("seller_org_id", "city"),
    "cft": ("city", "field", "contract_type"),
}
# The funnel always groups by stage and furthest stage; the seller grain serves the institutions,
# which count deals only.
DEAL_GRAINS: dict[str, tuple[str, ...]] = {
    "": ("stage", "reached"),
    "t": ("contract_type", "stage", "reached"),
    "c": ("city", "stage", "reached"),
    "ct": ("city", "contract_type", "stage", "reached"),
    "f": ("field", "stage", "reached"),
    "ft": ("field", "contract_type", "stage", "reached"),
    "cf": ("city", "field", "stage", "reached"),
    "cft": ("city", "field", "contract_type", "stage", "reached"),
    "o": ("seller_org_id", "city"),
}
# The seller grain is also kept per whole year (rows dated 1 January, summed from its monthly rows): the
# institutions over a decade then sum 1,200 sellers x 10 years rather than x 120 months.
YEARLY = {"o": "oy"}


class ContractSums(NamedTuple):
    """A group's contract measures: read by name, so no caller depends on their order."""

    contracts: int
    registered: int
    transformation_projects: int
    major_projects: int
    total_fen: int
    technology_fen: int
    approved_income_fen: int


CONTRACT_MEASURES = ContractSums._fields


def contract_measures(f: Any, transformation_fen: Any, major_fen: Any) -> list[Any]:
    """The sums of ``CONTRACT_MEASURES`` over contract facts ``f`` (the table, or a subquery's
    columns), in that order: each is named here, so a reordering cannot pair a sum with another name."""
    by_name = {
        "contracts": func.count(),
        "registered": count_when(f.registered.is_(True)),
        "transformation_projects": count_when(f.technology_fen >= transformation_fen),
        "major_projects": count_when(f.technology_fen >= major_fen),
        "total_fen": int_sum(f.total_fen),
        "technology_fen": int_sum(f.technology_fen),
        "approved_income_fen": int_sum(f.approved_income_fen),
    }
    return [by_name[name] for name in CONTRACT_MEASURES]


# Rungs (yuan) the roll-up also counts contracts at or above: thresholds asked for per request are
# corrected from the nearest rung or configured threshold, so the band of the facts read stays narrow.
LADDER = (10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000)
LADDER_FEN = tuple(rung * 100 for rung in LADDER)
LADDER_COLUMNS = tuple(f"ge_{rung}" for rung in LADDER)
ROLLUP_MEASURES = CONTRACT_MEASURES + LADDER_COLUMNS


def choose(grains: dict[str, tuple[str, ...]], needed: Iterable[str]) -> str | None:
    """The smallest grain keeping every needed dimension, or None."""
    wanted = set(needed)
    return next((name for name, dims in grains.items() if wanted <= set(dims)), None)


def month_start(dialect: str, day: Any) -> Any:
    if dialect == "postgresql":
        return cast(func.date_trunc("month", day), Date)
    return func.date(day, "start of month")


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def configured_fen() -> tuple[int, int]:
    settings = get_stats_settings()
    return fen_of(settings.transformation_threshold), fen_of(settings.major_threshold)


def thresholds_fen(session: Session) -> tuple[int, int] | None:
    """The thresholds the roll-up counts at, or None before it was first built."""
    state = session.get(RollupState, STATE)
    return None if state is None else (state.transformation_fen, state.major_fen)


def _contract_insert(dialect: str, grain: str, thresholds: tuple[int, int], days: tuple[date, date] | None) -> Any:
    f = ContractFact
    dims = CONTRACT_GRAINS[grain]
    month = month_start(dialect, f.period_on)
    keys = [month, *(getattr(f, d) for d in dims)]
    stmt = select(
        literal(grain),
        *keys,
        *contract_measures(f, thresholds[0], thresholds[1]),
        *(count_when(f.technology_fen >= rung) for rung in LADDER_FEN),
    ).group_by(*keys)
    if days is not None:
        stmt = stmt.where(f.period_on >= days[0], f.period_on < days[1])
    return insert(ContractMonth).from_select(["grain", "month", *dims, *ROLLUP_MEASURES], stmt)


def _deal_insert(dialect: str, grain: str, days: tuple[date, date] | None) -> Any:
    f = DealFact
    dims = DEAL_GRAINS[grain]
    month = month_start(dialect, f.created_on)
    keys = [month, *(getattr(f, d) for d in dims)]
    stmt = select(literal(grain), *keys, func.count()).group_by(*keys)
    if days is not None:
        stmt = stmt.where(f.created_on >= days[0], f.created_on < days[1])
    return insert(DealMonth).from_select(["grain", "month", *dims, "deals"], stmt)


# Read from the facts: the finest grain, and the seller's. The others are summed from the finest grain's
# rows (sums and counts add up), so a month's facts are scanned twice, not once per grain: they lie in
# deal order on disk, and each scan of a month reads thousands of scattered pages.
FROM_FACTS = ("cft", "o")


def _derived_insert(model: Any, grain: str, dims: tuple[str, ...], measures: Sequence[str], days: Any) -> Any:
    keys = [model.month, *(getattr(model, d) for d in dims)]
    sums = [func.sum(getattr(model, m)) for m in measures]
    stmt = select(literal(grain), *keys, *sums).where(model.grain == FROM_FACTS[0]).group_by(*keys)
    if days is not None:
        stmt = stmt.where(model.month >= days[0], model.month < days[1])
    return insert(model).from_select(["grain", "month", *dims, *measures], stmt)


def _inserts(dialect: str, model: Any, thresholds: tuple[int, int], days: tuple[date, date] | None) -> list[Any]:
    """The statements that fill every monthly grain of ``model`` (for the months in ``days``), in order."""
    grains = CONTRACT_GRAINS if model is ContractMonth else DEAL_GRAINS
    measures = ROLLUP_MEASURES if model is ContractMonth else ("deals",)
    out = []
    for grain in FROM_FACTS:
        if model is ContractMonth:
            out.append(_contract_insert(dialect, grain, thresholds, days))
        else:
            out.append(_deal_insert(dialect, grain, days))
    for grain, dims in grains.items():
        if grain not in FROM_FACTS:
            out.append(_derived_insert(model, grain, dims, measures, days))
    return out


def rebuild(session: Session) -> None:
    """Recompute the whole roll-up from the facts, at the configured thresholds."""
    dialect = session.get_bind().dialect.name
    thresholds = configured_fen()
    for model in (ContractMonth, DealMonth):
        session.execute(delete(model).execution_options(synchronize_session=False))
    for model in (ContractMonth, DealMonth):
        for statement in _inserts(dialect, model, thresholds, None):
            session.execute(statement)
        session.execute(_yearly_insert(dialect, model, None))
    state = session.get(RollupState, STATE, populate_existing=True)
    if state is None:
        session.add(RollupState(name=STATE, transformation_fen=thresholds[0], major_fen=thresholds[1]))
    else:
        state.transformation_fen, state.major_fen = thresholds
    session.flush()


def runs(months: Iterable[date]) -> list[tuple[date, date]]:
    """Consecutive months as [first day, first day after) ranges, so a refresh that touched a
    year of months recomputes it in one statement per grain rather than twelve."""
    runs: list[tuple[date, date]] = []
    for month in sorted(set(months)):
        if runs and runs[-1][1] == month:
            runs[-1] = (runs[-1][0], next_month(month))
        else:
            runs.append((month, next_month(month)))
    return runs


def update(session: Session, *, contract_months: Iterable[date], deal_months: Iterable[date]) -> None:
    """Recompute the given months (first days) from the facts; rebuild all when the configured
    thresholds changed or the roll-up was never built."""
    if thresholds_fen(session) != configured_fen():
        rebuild(session)
        return
    dialect = session.get_bind().dialect.name
    thresholds = configured_fen()
    contract_months, deal_months = set(contract_months), set(deal_months)
    for model, months in ((ContractMonth, contract_months), (DealMonth, deal_months)):
        for lo, hi in runs(months):
            stale = delete(model).where(model.grain.not_in(YEARLY.values()), model.month >= lo, model.month < hi)
            session.execute(stale.execution_options(synchronize_session=False))
            for statement in _inserts(dialect, model, thresholds, (lo, hi)):
                session.execute(statement)
        # Then the years those months are in, from their (now current) monthly rows.
        for year in sorted({month.year for month in months}):
            lo, hi = date(year, 1, 1), date(year + 1, 1, 1)
            stale = delete(model).where(model.grain.in_(YEARLY.values()), model.month >= lo, model.month < hi)
            session.execute(stale.execution_options(synchronize_session=False))
            session.execute(_yearly_insert(dialect, model, (lo, hi)))


def _yearly_insert(dialect: str, model: Any, days: tuple[date, date] | None) -> Any:
    monthly, yearly = next(iter(YEARLY.items()))
    dims = (CONTRACT_GRAINS if model is ContractMonth else DEAL_GRAINS)[monthly]
    measures = ROLLUP_MEASURES if model is ContractMonth else ("deals",)
    year: Any = cast(func.date_trunc("year", model.month), Date)
    if dialect != "postgresql":
        year = func.date(model.month, "start of year")
    keys = [year, *(getattr(model, d) for d in dims)]
    sums = [func.sum(getattr(model, m)) for m in measures]
    stmt = select(literal(yearly), *keys, *sums).where(model.grain == monthly).group_by(*keys)
    if days is not None:
        stmt = stmt.where(model.month >= days[0], model.month < days[1])
    return insert(model).from_select(["grain", "month", *dims, *measures], stmt)


def months_of(session: Session, column: Any, key: Any, ids: list[int]) -> set[date]:
    """The months (first days) of the fact rows of these deals, to recompute after they change."""
    days = session.scalars(select(column).distinct().where(key.in_(ids)))
    return {day.replace(day=1) for day in days if day is not None}
