"""Listing search: visibility, filters, keyword search that works for Chinese, sorting."""

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core.db import like_escape
from backend.core.regions import region_codes_within
from backend.listings.enums import ListingStatus, Visibility
from backend.listings.kinds import Listing, ListingKind
from backend.listings.service import is_staff

SORTS = (
    "-published_at",
    "published_at",
    "-created_at",
    "created_at",
    "-updated_at",
    "title",
    "-trl",
    "trl",
    "price",
    "-price",
)


@dataclass
class ListingFilters:
    q: str | None = None
    field_code: str | None = None
    region: str | None = None
    trl_min: int | None = None
    trl_max: int | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    mode: str | None = None
    status: ListingStatus | None = None
    organisation_id: int | None = None
    mine: bool = False
    sort: str = "-published_at"


def search_terms(q: str) -> list[str]:
    """Whitespace and punctuation split terms; a Chinese phrase stays one substring term."""
    return [t for t in re.split(r"[\s,，;；、]+", q.strip().lower()) if t][:10]


def _visibility(kind: ListingKind, user: User | None) -> object:
    model = kind.model
    alive = model.deleted_at.is_(None)
    if user is None:
        return and_(alive, model.status == ListingStatus.published, model.visibility == Visibility.public)
    own = model.organisation_id == user.organisation_id
    if is_staff(user):
        return and_(alive, or_(own, model.status != ListingStatus.draft))
    return and_(alive, or_(own, model.status == ListingStatus.published))


def _amount_filter(kind: ListingKind, lo: Decimal | None, hi: Decimal | None) -> list[object]:
    conds: list[object] = []
    if kind.name == "output":
        price = kind.column("asking_price")
        if lo is not None:
            conds.append(price >= lo)
        if hi is not None:
            conds.append(price <= hi)
        return conds
    # For needs, the budget range must overlap the asked range.
    bmin, bmax = kind.column("budget_min"), kind.column("budget_max")
    if lo is not None:
        conds.append(or_(bmax.is_(None), bmax >= lo))
    if hi is not None:
        conds.append(or_(bmin.is_(None), bmin <= hi))
    return conds


def build(kind: ListingKind, user: User | None, f: ListingFilters) -> Select[Any]:
    model = kind.model
    stmt = select(model).where(_visibility(kind, user))  # type: ignore[arg-type]
    if f.mine:
        stmt = stmt.where(model.organisation_id == (user.organisation_id if user else -1))
    if f.status:
        stmt = stmt.where(model.status == f.status)
    if f.organisation_id is not None:
        stmt = stmt.where(model.organisation_id == f.organisation_id)
    if f.field_code:
        stmt = stmt.where(model.field_code == f.field_code)
    if f.region:
        stmt = stmt.where(model.region.in_(region_codes_within(f.region)))
    trl = kind.column(kind.trl_column)
    if f.trl_min is not None:
        stmt = stmt.where(trl >= f.trl_min)
    if f.trl_max is not None:
        stmt = stmt.where(trl <= f.trl_max)
    for cond in _amount_filter(kind, f.amount_min, f.amount_max):
        stmt = stmt.where(cond)  # type: ignore[arg-type]
    if f.mode:
        # JSON arrays are stored as text on both SQLite and PostgreSQL: match the quoted value.
        stmt = stmt.where(cast(kind.column(kind.modes_column), String).like(f'%"{like_escape(f.mode)}"%', escape="\\"))
    if f.q:
        haystack = [func.lower(func.coalesce(kind.column(c), "")) for c in kind.search_columns]
        keywords = func.lower(cast(model.keywords, String))
        for term in search_terms(f.q):
            pattern = f"%{like_escape(term)}%"
            # JSON columns are stored ASCII-escaped ("\u84d7..."), so a Chinese keyword is only
            # found when the term is matched in that escaped form too.
            escaped = f"%{like_escape(json.dumps(term)[1:-1])}%"
            matches = [h.like(pattern, escape="\\") for h in haystack]
            matches += [keywords.like(pattern, escape="\\"), keywords.like(escaped, escape="\\")]
            stmt = stmt.where(or_(*matches))
    return stmt.order_by(*_order(kind, f.sort))


def _order(kind: ListingKind, sort: str) -> list[Any]:
    model = kind.model
    desc = sort.startswith("-")
    name = sort.lstrip("-")
    column = {
        "published_at": model.published_at,
        "created_at": model.created_at,
        "updated_at": model.updated_at,
        "title": model.title,
        "trl": kind.column(kind.trl_column),
        "price": kind.column("asking_price" if kind.name == "output" else "budget_max"),
    }[name]
    primary = column.desc().nulls_last() if desc else column.asc().nulls_last()
    return [primary, model.id.desc()]


def page(session: Session, stmt: Select[Any], *, offset: int, limit: int) -> tuple[list[Listing], int]:
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    rows = list(session.scalars(stmt.offset(offset).limit(limit)))
    return rows, total
