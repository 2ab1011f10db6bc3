"""HTTP routes of saved searches: each signed-in user keeps their own."""

from typing import Any

from fastapi import APIRouter, status

from backend.accounts.deps import CurrentUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.pagination import Page, PageDep
from backend.core.params import IdPath
from backend.searches import service
from backend.searches.schemas import SavedSearchIn, SavedSearchOut

router = APIRouter(prefix="/saved-searches", tags=["saved searches"], responses=ERROR_RESPONSES)


@router.get("", operation_id="listSavedSearches", response_model=Page[SavedSearchOut])
def list_saved_searches(session: SessionDep, user: CurrentUser, paging: PageDep) -> Any:
    """Your saved searches, newest first."""
    rows, total = service.list_for(session, user=user, offset=paging.offset, limit=paging.page_size)
    items = [SavedSearchOut.model_validate(r) for r in rows]
    return Page(items=items, total=total, page=paging.page, page_size=paging.page_size)


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="createSavedSearch")
def create_saved_search(session: SessionDep, user: CurrentUser, data: SavedSearchIn) -> SavedSearchOut:
    """Keep a search (field, region, keywords); with alerts on, each newly published listing that fits it
    notifies you through your notification channels."""
    return SavedSearchOut.model_validate(service.create(session, user=user, data=data))


@router.get("/{search_id}", operation_id="getSavedSearch")
def get_saved_search(session: SessionDep, user: CurrentUser, search_id: IdPath) -> SavedSearchOut:
    return SavedSearchOut.model_validate(service.get_own(session, user=user, search_id=search_id))


@router.put("/{search_id}", operation_id="replaceSavedSearch")
def replace_saved_search(
    session: SessionDep, user: CurrentUser, search_id: IdPath, data: SavedSearchIn
) -> SavedSearchOut:
    return SavedSearchOut.model_validate(service.replace(session, user=user, search_id=search_id, data=data))


@router.delete("/{search_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="deleteSavedSearch")
def delete_saved_search(session: SessionDep, user: CurrentUser, search_id: IdPath) -> None:
    service.delete(session, user=user, search_id=search_id)
