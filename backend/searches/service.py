"""Keep, list and forget saved searches; each user owns theirs alone."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core.errors import Conflict, NotFound
from backend.searches.models import SavedSearch
from backend.searches.schemas import SavedSearchIn

# Enough for anyone's real interests; bounded so a listing's publication fans out to a known cost.
MAX_PER_USER = 20


def create(session: Session, *, user: User, data: SavedSearchIn) -> SavedSearch:
    count = session.scalar(select(func.count()).where(SavedSearch.user_id == user.id)) or 0
    if count >= MAX_PER_USER:
        raise Conflict(
            f"You already keep {MAX_PER_USER} saved searches; delete one before saving another",
            code="too_many_saved_searches",
        )
    search = SavedSearch(user_id=user.id, **data.model_dump())
    session.add(search)
    session.flush()
    return search


def list_for(session: Session, *, user: User, offset: int, limit: int) -> tuple[list[SavedSearch], int]:
    mine = SavedSearch.user_id == user.id
    total = session.scalar(select(func.count()).where(mine)) or 0
    rows = session.scalars(select(SavedSearch).where(mine).order_by(SavedSearch.id.desc()).offset(offset).limit(limit))
    return list(rows), total


def get_own(session: Session, *, user: User, search_id: int) -> SavedSearch:
    search = session.get(SavedSearch, search_id)
    # Someone else's search is reported missing: its existence is nobody else's business.
    if search is None or search.user_id != user.id:
        raise NotFound("No such saved search")
    return search


def replace(session: Session, *, user: User, search_id: int, data: SavedSearchIn) -> SavedSearch:
    search = get_own(session, user=user, search_id=search_id)
    for key, value in data.model_dump().items():
        setattr(search, key, value)
    session.flush()
    return search


def delete(session: Session, *, user: User, search_id: int) -> None:
    session.delete(get_own(session, user=user, search_id=search_id))
    session.flush()
