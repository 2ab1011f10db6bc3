"""Contract indicators: counts and amounts, transformation and major projects, by dimension.

When the monthly roll-up can answer (``cube``), each breakdown is one small grouped read of the
roll-up's grain for it, plus the facts of the partial months at the period's ends. Otherwise one
grouped query over the counted contracts' facts (see ``facts``) gives cells by type, city, field and
month, and every breakdown and the totals are summed from them in Python. Either way the sums are
integer fen, so they are exact.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from backend.stats import cube, rollup
from backend.stats.facts import contract_facts
from backend.stats.filters import Filters, Thresholds
from backend.stats.sql import fen_of, yuan


@dataclass
class Tally:
    contracts: int = 0
    registered: int = 0
    transformation_projects: int = 0
    major_projects: int = 0
    total_fen: int = 0
    technology_fen: int = 0
    approved_income_fen: int = 0

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def total(self) -> Decimal:
        return yuan(self.total_fen)

    @property
    def technology_amount(self) -> Decimal:
        return yuan(self.technology_fen)

    @property
    def approved_income(self) -> Decimal:
        return yuan(self.approved_income_fen)


@dataclass(frozen=True)
class Cell:
    contract_type: str
    city: str
    field: str | None
    year: int
    month: int


@dataclass
class ContractSummary:
    totals: Tally
    by_type: dict[str, Tally] = field(default_factory=dict)
    by_city: dict[str, Tally] = field(default_factory=dict)
    by_field: dict[str | None, Tally] = field(default_factory=dict)
    by_month: dict[str, Tally] = field(default_factory=dict)
    by_year: dict[int, Tally] = field(default_factory=dict)


def grouped_cells(session: Session, filters: Filters, thresholds: Thresholds) -> list[tuple[Cell, Tally]]:
    facts = contract_facts(filters)
    year = extract("year", facts.c.period_on)
    month = extract("month", facts.c.period_on)
    dims = (facts.c.contract_type, facts.c.city, facts.c.field, year, month)
    measures = rollup.contract_measures(facts.c, fen_of(thresholds.transformation), fen_of(thresholds.major))
    stmt = select(*dims, *measures).group_by(*dims)
    cells: list[tuple[Cell, Tally]] = []
    for row in session.execute(stmt):
        ctype, city, fld, y, m, *numbers = row
        sums = rollup.ContractSums(*(int(n) for n in numbers))
        cells.append((Cell(ctype, city, fld, int(y), int(m)), _tally(sums)))
    return cells


def _tally(sums: rollup.ContractSums) -> Tally:
    return Tally(**sums._asdict())


def _roll_up(cells: Iterable[tuple[Cell, Tally]], key: Callable[[Cell], Any]) -> dict[Any, Tally]:
    out: dict[Any, Tally] = defaultdict(Tally)
    for cell, tally in cells:
        out[key(cell)].add(tally)
    return dict(sorted(out.items(), key=lambda item: (item[0] is None, item[0] or "")))


def contract_summary(session: Session, filters: Filters, thresholds: Thresholds) -> ContractSummary:
    if cube.contract_rollup_usable(session, filters):
        return _summary_from_rollup(session, filters, thresholds)
    cells = grouped_cells(session, filters, thresholds)
    totals = Tally()
    for _, tally in cells:
        totals.add(tally)
    by_year: dict[int, Tally] = defaultdict(Tally)
    for cell, tally in cells:
        by_year[cell.year].add(tally)
    return ContractSummary(
        totals=totals,
        by_type=_roll_up(cells, lambda c: c.contract_type),
        by_city=_roll_up(cells, lambda c: c.city),
        by_field=_roll_up(cells, lambda c: c.field),
        by_month=_roll_up(cells, lambda c: f"{c.year:04d}-{c.month:02d}"),
        by_year=dict(sorted(by_year.items())),
    )


def _groups(session: Session, filters: Filters, thresholds: Thresholds, dim: str) -> dict[Any, Tally]:
    found = cube.contract_groups(session, filters, thresholds, (dim,))
    out = {key[0]: _tally(sums) for key, sums in found.items()}
    return dict(sorted(out.items(), key=lambda item: (item[0] is None, item[0] or "")))


def _summary_from_rollup(session: Session, filters: Filters, thresholds: Thresholds) -> ContractSummary:
    by_month = _groups(session, filters, thresholds, cube.MONTH)
    totals = Tally()
    by_year: dict[int, Tally] = defaultdict(Tally)
    for month, tally in by_month.items():
        totals.add(tally)
        by_year[month.year].add(tally)
    return ContractSummary(
        totals=totals,
        by_type=_groups(session, filters, thresholds, "contract_type"),
        by_city=_groups(session, filters, thresholds, "city"),
        by_field=_groups(session, filters, thresholds, "field"),
        by_month={f"{month:%Y-%m}": tally for month, tally in by_month.items()},
        by_year=dict(sorted(by_year.items())),
    )


def transformation_projects(session: Session, filters: Filters, thresholds: Thresholds) -> Tally:
    """Only the totals (the public headline needs no breakdown)."""
    found = cube.contract_groups(session, filters, thresholds, ())
    return _tally(found[()]) if () in found else Tally()
