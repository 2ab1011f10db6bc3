"""Public routes of the open-data feed (no sign-in)."""

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, BeforeValidator, Field

from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.params import MAX_ID
from backend.listings.kinds import NEEDS, OUTPUTS
from backend.stats import opendata

router = APIRouter(prefix="/open", tags=["open data"], responses=ERROR_RESPONSES)


class Cursor(BaseModel):
    since: datetime
    after_id: int


class FeedPage(BaseModel):
    items: list[dict[str, Any]] = Field(description="Public fields; `removed: true` rows are tombstones")
    next: Cursor | None = Field(description="Pass as since/after_id for the next page; null at the end")


def _feed(
    session: SessionDep, kind_name: str, since: datetime | None, after_id: int | None, limit: int, fmt: str
) -> Any:
    kind = OUTPUTS if kind_name == "outputs" else NEEDS
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)  # a time without a zone is read as UTC, as stored
    rows = opendata.page(session, kind=kind, since=since, after_id=after_id, limit=limit)
    if fmt == "csv":
        headers = {"Content-Disposition": f'attachment; filename="techmatch-{kind.plural}.csv"'}
        return StreamingResponse(opendata.to_csv(kind, rows), media_type="text/csv; charset=utf-8", headers=headers)
    last = rows[-1] if len(rows) == limit else None
    cursor = Cursor(since=datetime.fromisoformat(last["updated_at"]), after_id=last["id"]) if last else None
    return FeedPage(items=rows, next=cursor)


def _iso_only(value: object) -> object:
    # pydantic reads a bare number as a Unix time; the feed speaks RFC 3339 only.
    if isinstance(value, str) and value.strip().lstrip("-").replace(".", "", 1).isdigit():
        raise ValueError("must be an RFC 3339 time such as 2026-01-31T08:00:00Z")
    return value


Since = Annotated[
    datetime | None,
    BeforeValidator(_iso_only),
    Query(description="Only changes after this time (RFC 3339, e.g. 2026-01-31T08:00:00Z)"),
]
AfterId = Annotated[int | None, Query(ge=0, le=MAX_ID, description="Tie-breaker from the previous page's cursor")]
Limit = Annotated[int, Query(ge=1, le=1000)]
Format = Annotated[Literal["json", "csv"], Query(alias="format")]

_CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON page, or CSV with format=csv"}
}


@router.get("/outputs", operation_id="openOutputs", response_model=FeedPage, responses=_CSV)
def open_outputs(
    session: SessionDep, since: Since = None, after_id: AfterId = None, limit: Limit = 100, fmt: Format = "json"
) -> Any:
    """Published public research outputs, oldest change first, for incremental sync."""
    return _feed(session, "outputs", since, after_id, limit, fmt)


@router.get("/needs", operation_id="openNeeds", response_model=FeedPage, responses=_CSV)
def open_needs(
    session: SessionDep, since: Since = None, after_id: AfterId = None, limit: Limit = 100, fmt: Format = "json"
) -> Any:
    """Published public technology needs, oldest change first, for incremental sync."""
    return _feed(session, "needs", since, after_id, limit, fmt)
