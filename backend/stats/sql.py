"""Dialect-neutral SQL pieces: exact money sums, day differences and medians.

SQLite keeps NUMERIC as a floating-point REAL, so summing amounts there drifts (0.1 + 0.2);
every sum is taken in whole fen (integers are exact on both databases) and turned back into
Decimal yuan in Python.
"""

import statistics
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Float, case, cast, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from backend.core.money import FEN, quantize_fen


def fen(column: Any) -> ColumnElement[int]:
    return cast(func.round(column * 100), BigInteger)


def fen_sum(column: Any, when: ColumnElement[bool] | None = None) -> ColumnElement[Any]:
    value = fen(column) if when is None else case((when, fen(column)), else_=0)
    return func.coalesce(func.sum(value), 0)


def int_sum(column: Any) -> ColumnElement[Any]:
    return func.coalesce(func.sum(column), 0)


def fen_of(amount: Decimal) -> int:
    return int(quantize_fen(amount) * 100)


def count_when(when: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((when, 1), else_=0)), 0)


def yuan(fen_total: int | None) -> Decimal:
    return quantize_fen(Decimal(int(fen_total or 0)) * FEN)


def days_between_dates(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    if session.get_bind().dialect.name == "postgresql":
        return cast(later - earlier, Float)
    return func.julianday(later) - func.julianday(earlier)


def median(session: Session, values: Any) -> tuple[int, float | None]:
    """How many non-null values a one-column select gives, and their median.

    PostgreSQL computes both in one pass; on SQLite (the embedded run) the values are fetched."""
    sub = values.subquery()
    column = next(iter(sub.columns))
    if session.get_bind().dialect.name == "postgresql":
        stmt = select(func.count(column), func.percentile_cont(0.5).within_group(column))
        count, result = session.execute(stmt).one()
        return int(count), None if result is None else float(result)
    found = [float(v) for v in session.execute(select(column)).scalars() if v is not None]
    return len(found), statistics.median(found) if found else None


def fixed(session: Session, value: Any, type_: Any = None) -> Any:
    """A value written into the statement on PostgreSQL rather than sent as a parameter.

    psycopg prepares a statement after five runs, and PostgreSQL may then reuse a generic plan made
    without the values: it cannot tell a ten-year range from a day, nor one city from all, and may
    read the wrong index. For the few statements whose best plan depends on their values."""
    return literal(value, type_, literal_execute=session.get_bind().dialect.name == "postgresql")
