"""Keeping the pre-computed facts in step with the live tables.

``refresh`` recomputes the facts of the deals and listings that changed since the last refresh
(their ``updated_at``, their contract's or registration's, a new interest), going back an extra
``OVERLAP`` so a transaction that committed late with an earlier timestamp is still caught;
recomputing a row twice is harmless. The first refresh, or ``rebuild``, recomputes everything
(run it after bulk loads or a change of an organisation's region or a listing's field, which do not
touch the deal; the workers run it nightly). Both keep the monthly roll-up (``rollup``) in step in
the same transaction: the months whose facts changed are recomputed. Callers hold a lock (``lock``)
so two refreshes never interleave. A request does not wait for it (``refresh_if_stale``): while another
refresh holds it, the request answers from the facts as last committed.
"""

import logging
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, exists, func, insert, literal, select, text, union
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation
from backend.core.db import utcnow
from backend.deals.enums import Stage
from backend.deals.models import Contract, Deal, Interest, Registration
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.stats import medians, rollup
from backend.stats.fact_models import ContractFact, DealFact, ListingFact, RefreshState
from backend.stats.facts import field_of_deal, live_contracts, local_date
from backend.stats.sql import fen

log = logging.getLogger(__name__)

STATE = "facts"
OVERLAP = timedelta(minutes=5)
_LOCK_KEY = 7_450_000  # any constant shared by every process that refreshes
CONTRACT_COLUMNS = [c.name for c in ContractFact.__table__.columns]
DEAL_COLUMNS = [c.name for c in DealFact.__table__.columns]
LISTING_COLUMNS = [c.name for c in ListingFact.__table__.columns]


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def lock(session: Session) -> None:
    """Serialise refreshes across processes (PostgreSQL); SQLite has a single writer anyway."""
    if _dialect(session) == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


def try_lock(session: Session) -> bool:
    """Take the refresh lock if it is free; False if another transaction holds it (PostgreSQL).

    On SQLite there is no lock to try: the database's single writer serialises refreshes."""
    if _dialect(session) != "postgresql":
        return True
    return bool(session.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": _LOCK_KEY}).scalar_one())


def _live_deals(dialect: str, deal_ids: Any = None) -> Any:
    lost = Deal.stage == Stage.closed_lost
    # A lost deal counts as reaching the furthest stage it left evidence of (see ``pipeline``).
    reached = case(
        (lost & exists().where(Registration.deal_id == Deal.id), Stage.registered.value),
        (lost & (Contract.signed_on.is_not(None)), Stage.contract_signed.value),
        (lost, Stage.interest.value),
        else_=Deal.stage,
    )
    stmt = (
        select(
            Deal.id,
            local_date(dialect, Deal.created_at),
            Deal.seller_org_id,
            Organisation.region,
            field_of_deal(),
            Contract.contract_type,
            Deal.stage,
            reached,
        )
        .select_from(Deal)
        .join(Organisation, Organisation.id == Deal.seller_org_id)
        .outerjoin(ResearchOutput, ResearchOutput.id == Deal.output_id)
        .outerjoin(TechnologyNeed, TechnologyNeed.id == Deal.need_id)
        .outerjoin(Contract, Contract.deal_id == Deal.id)
    )
    return stmt if deal_ids is None else stmt.where(Deal.id.in_(deal_ids))


def _live_listings(dialect: str, model: Any, kind: str, link: Any, listing_ids: Any = None) -> Any:
    first = select(func.min(Interest.created_at)).where(link == model.id).scalar_subquery()
    stmt = (
        select(literal(kind), model.id, model.organisation_id, Organisation.region, model.field_code,
               model.published_at, first, days_between(dialect, first, model.published_at))
        .join(Organisation, Organisation.id == model.organisation_id)
        .where(model.published_at.is_not(None))
    )  # fmt: skip
    return stmt if listing_ids is None else stmt.where(model.id.in_(listing_ids))


def _kinds() -> list[tuple[Any, str, Any]]:
    return [(ResearchOutput, "output", Interest.output_id), (TechnologyNeed, "need", Interest.need_id)]


def rebuild(session: Session) -> None:
    lock(session)
    # Marked with the time it started: changes committed while it ran are picked up by the next
    # incremental refresh instead of being skipped (at worst some are recomputed twice).
    started = utcnow()
    dialect = _dialect(session)
    for model in (ContractFact, DealFact, ListingFact):
        session.execute(_delete(model))
    session.execute(insert(ContractFact).from_select(CONTRACT_COLUMNS, _contract_select(dialect)))
    session.execute(insert(DealFact).from_select(DEAL_COLUMNS, _live_deals(dialect)))
    for model, kind, link in _kinds():
        session.execute(insert(ListingFact).from_select(LISTING_COLUMNS, _live_listings(dialect, model, kind, link)))
    rollup.rebuild(session)
    medians.rebuild(session)
    _mark(session, started)


def _contract_select(dialect: str, deal_ids: Any = None) -> Any:
    live = live_contracts(None, deal_ids=deal_ids, dialect=dialect).subquery()
    amounts = {
        "total_fen": fen(live.c.total),
        "technology_fen": fen(live.c.technology_amount),
        "approved_income_fen": func.coalesce(fen(live.c.approved_income), 0),
    }
    return select(*(amounts[name] if name in amounts else live.c[name] for name in CONTRACT_COLUMNS))


def days_between(dialect: str, later: Any, earlier: Any) -> Any:
    """Fractional days between two UTC timestamps."""
    if dialect == "postgresql":
        return func.extract("epoch", later - earlier) / 86400.0
    return func.julianday(later) - func.julianday(earlier)


def _mark(session: Session, at: datetime) -> None:
    state = session.get(RefreshState, STATE)
    if state is None:
        session.add(RefreshState(name=STATE, refreshed_at=at))
    else:
        state.refreshed_at = at
    session.flush()


def refresh(session: Session) -> None:
    """Bring the facts up to date with what changed since the last refresh."""
    lock(session)
    state = session.get(RefreshState, STATE, populate_existing=True)
    if state is None:
        rebuild(session)
        return
    started, since = utcnow(), state.refreshed_at - OVERLAP
    dialect = _dialect(session)
    changed = union(
        select(Deal.id).where(Deal.updated_at >= since),
        select(Contract.deal_id).where(Contract.updated_at >= since),
        select(Registration.deal_id).where(Registration.updated_at >= since),
    )
    deal_ids = [row[0] for row in session.execute(changed)]
    # The roll-up's months to recompute: where each changed deal's facts were and are now.
    contract_months: set[date] = set()
    deal_months: set[date] = set()
    signed_months: set[date] = set()
    published: set[date] = set()
    for chunk in _chunks(deal_ids):
        contract_months |= rollup.months_of(session, ContractFact.period_on, ContractFact.deal_id, chunk)
        signed_months |= rollup.months_of(session, ContractFact.signed_on, ContractFact.deal_id, chunk)
        deal_months |= rollup.months_of(session, DealFact.created_on, DealFact.deal_id, chunk)
        session.execute(_delete(ContractFact).where(ContractFact.deal_id.in_(chunk)))
        session.execute(_delete(DealFact).where(DealFact.deal_id.in_(chunk)))
        session.execute(insert(ContractFact).from_select(CONTRACT_COLUMNS, _contract_select(dialect, chunk)))
        session.execute(insert(DealFact).from_select(DEAL_COLUMNS, _live_deals(dialect, chunk)))
        contract_months |= rollup.months_of(session, ContractFact.period_on, ContractFact.deal_id, chunk)
        signed_months |= rollup.months_of(session, ContractFact.signed_on, ContractFact.deal_id, chunk)
        deal_months |= rollup.months_of(session, DealFact.created_on, DealFact.deal_id, chunk)
    for model, kind, link in _kinds():
        touched = union(
            select(model.id).where(model.updated_at >= since),
            select(link).where(Interest.created_at >= since, link.is_not(None)),
        )
        ids = [row[0] for row in session.execute(touched)]
        for chunk in _chunks(ids):
            published |= medians.published_months(session, kind, chunk)
            stale = _delete(ListingFact).where(ListingFact.kind == kind, ListingFact.listing_id.in_(chunk))
            session.execute(stale)
            session.execute(
                insert(ListingFact).from_select(LISTING_COLUMNS, _live_listings(dialect, model, kind, link, chunk))
            )
            published |= medians.published_months(session, kind, chunk)
    rollup.update(session, contract_months=contract_months, deal_months=deal_months)
    if not medians.built(session):
        medians.rebuild(session)
    else:
        medians.update(session, medians.CONTRACT, signed_months)
        medians.update(session, medians.INTEREST, published)
    _mark(session, started)


def _delete(model: Any) -> Any:
    # Bulk statements: no ORM objects of these tables are kept in the session to synchronise.
    return delete(model).execution_options(synchronize_session=False)


def _chunks(ids: list[int], size: int = 5000) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def refresh_if_stale(session: Session, *, max_age_seconds: float) -> bool:
    """Refresh unless the facts are younger than ``max_age_seconds`` (0: always) or another refresh is
    running. Returns False when it left stale facts because the lock was taken.

    A request never waits for the lock: the nightly rebuild holds it for minutes, and every request
    in that time would queue behind it. The facts it reads are the last committed ones (the other
    refresh's deletions are invisible until it commits), so its answer is only as stale as they are.
    """
    if _fresh(session.get(RefreshState, STATE), max_age_seconds):
        return True
    if not try_lock(session):
        log.info("stats facts refresh already running: answering from the facts as they are")
        return False
    # Another refresh may have committed between the first look and taking the lock.
    if _fresh(session.get(RefreshState, STATE, populate_existing=True), max_age_seconds):
        return True
    refresh(session)
    return True


def _fresh(state: RefreshState | None, max_age_seconds: float) -> bool:
    if state is None or max_age_seconds <= 0:
        return False
    return utcnow() - state.refreshed_at < timedelta(seconds=max_age_seconds)
