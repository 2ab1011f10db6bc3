"""HTTP routes for research outputs and technology needs, built once per kind."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, status
from pydantic import BaseModel

from backend.accounts.deps import CurrentUser, OptionalUser, StaffUser
from backend.accounts.models import User
from backend.accounts.schemas import RegionCode
from backend.core import audit
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES, Forbidden
from backend.core.money import Money
from backend.core.pagination import Page, PageDep
from backend.core.params import MAX_ID, IdPath
from backend.listings import query, service
from backend.listings.enums import ListingStatus, TransferMode
from backend.listings.kinds import NEEDS, OUTPUTS, Listing, ListingKind
from backend.listings.schemas import (
    AuditEventOut,
    FieldCode,
    NeedDraft,
    NeedOut,
    NeedUpdate,
    OutputDetail,
    OutputDraft,
    OutputOut,
    OutputUpdate,
    ReviewIn,
)

Sort = Literal[
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
]


def build_router(
    kind: ListingKind,
    draft_schema: type[BaseModel],
    update_schema: type[BaseModel],
    out_schema: type[BaseModel],
    detail_schema: type[BaseModel],
) -> APIRouter:
    router = APIRouter(prefix=f"/{kind.plural}", tags=[kind.plural], responses=ERROR_RESPONSES)
    name = kind.name.capitalize()
    amount = "price" if kind is OUTPUTS else "budget"
    mode = "transfer_mode" if kind is OUTPUTS else "cooperation_mode"

    def detail(user: User | None, listing: Listing) -> Any:
        out = detail_schema.model_validate(listing)
        if not service.can_see_confidential(user, listing):
            for hidden in kind.confidential:
                setattr(out, hidden, None)
        return out

    def filters(
        q: Annotated[
            str | None, Query(max_length=200, description="Keywords; Chinese phrases match as written")
        ] = None,
        field: Annotated[FieldCode | None, Query(description="Field code from /taxonomy/fields")] = None,
        region: Annotated[RegionCode | None, Query(description="Region code; a province includes its cities")] = None,
        trl_min: Annotated[int | None, Query(ge=1, le=9)] = None,
        trl_max: Annotated[int | None, Query(ge=1, le=9)] = None,
        amount_min: Annotated[Money | None, Query(alias=f"{amount}_min")] = None,
        amount_max: Annotated[Money | None, Query(alias=f"{amount}_max")] = None,
        transfer_mode: Annotated[TransferMode | None, Query(alias=mode)] = None,
        listing_status: Annotated[ListingStatus | None, Query(alias="status")] = None,
        organisation_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
        mine: Annotated[bool, Query(description="Only my organisation's listings, in any status")] = False,
        sort: Sort = "-published_at",
    ) -> query.ListingFilters:
        return query.ListingFilters(
            q=q,
            field_code=field,
            region=region,
            trl_min=trl_min,
            trl_max=trl_max,
            amount_min=amount_min,
            amount_max=amount_max,
            mode=transfer_mode,
            status=listing_status,
            organisation_id=organisation_id,
            mine=mine,
            sort=sort,
        )

    FiltersDep = Annotated[query.ListingFilters, Depends(filters)]

    list_page: Any = Page[out_schema]  # type: ignore[valid-type]
    queue_page: Any = Page[detail_schema]  # type: ignore[valid-type]

    @router.get("", operation_id=f"list{name}s", summary=f"Browse and search {kind.plural}", response_model=list_page)
    def list_listings(session: SessionDep, user: OptionalUser, paging: PageDep, f: FiltersDep) -> Any:
        """Published listings for everyone (registered-only ones for signed-in users), plus your own."""
        rows, total = query.page(session, query.build(kind, user, f), offset=paging.offset, limit=paging.page_size)
        items = [out_schema.model_validate(r) for r in rows]
        return Page(items=items, total=total, page=paging.page, page_size=paging.page_size)

    @router.get(
        "/queue",
        operation_id=f"reviewQueue{name}s",
        summary="Reviewers' queue, oldest first",
        response_model=queue_page,
    )
    def review_queue(session: SessionDep, _reviewer: StaffUser, paging: PageDep) -> Any:
        f = query.ListingFilters(status=ListingStatus.pending_review, sort="created_at")
        rows, total = query.page(session, query.build(kind, _reviewer, f), offset=paging.offset, limit=paging.page_size)
        return Page(
            items=[detail_schema.model_validate(r) for r in rows],
            total=total,
            page=paging.page,
            page_size=paging.page_size,
        )

    @router.post("", status_code=status.HTTP_201_CREATED, operation_id=f"create{name}", response_model=detail_schema)
    def create(session: SessionDep, user: CurrentUser, data: draft_schema) -> Any:  # type: ignore[valid-type]
        """Save a draft; only the title is needed now, the rest before submitting for review."""
        return detail(user, service.create(session, kind=kind, actor=user, data=data))

    @router.get("/{listing_id:int}", operation_id=f"get{name}", response_model=detail_schema)
    def read(session: SessionDep, user: OptionalUser, listing_id: IdPath) -> Any:
        return detail(user, service.get_visible(session, kind=kind, user=user, listing_id=listing_id))

    @router.patch("/{listing_id:int}", operation_id=f"update{name}", response_model=detail_schema)
    def edit(session: SessionDep, user: CurrentUser, listing_id: IdPath, data: update_schema) -> Any:  # type: ignore[valid-type]
        """Change fields; send the version you read, a stale one gets 409."""
        listing = service.get_visible(session, kind=kind, user=user, listing_id=listing_id)
        return detail(user, service.update(session, kind=kind, actor=user, listing=listing, data=data))

    @router.delete("/{listing_id:int}", status_code=status.HTTP_204_NO_CONTENT, operation_id=f"delete{name}")
    def remove(session: SessionDep, user: CurrentUser, listing_id: IdPath) -> None:
        listing = service.get_visible(session, kind=kind, user=user, listing_id=listing_id)
        service.delete(session, kind=kind, actor=user, listing=listing)

    @router.post("/{listing_id:int}/submit", operation_id=f"submit{name}", response_model=detail_schema)
    def submit(session: SessionDep, user: CurrentUser, listing_id: IdPath) -> Any:
        """Send a draft (or a listing sent back for revision) to the reviewers."""
        listing = service.get_visible(session, kind=kind, user=user, listing_id=listing_id)
        return detail(user, service.submit(session, kind=kind, actor=user, listing=listing))

    @router.post("/{listing_id:int}/withdraw", operation_id=f"withdraw{name}", response_model=detail_schema)
    def withdraw(session: SessionDep, user: CurrentUser, listing_id: IdPath) -> Any:
        listing = service.get_visible(session, kind=kind, user=user, listing_id=listing_id)
        return detail(user, service.withdraw(session, kind=kind, actor=user, listing=listing))

    @router.post("/{listing_id:int}/review", operation_id=f"review{name}", response_model=detail_schema)
    def review(session: SessionDep, reviewer: StaffUser, listing_id: IdPath, data: ReviewIn) -> Any:
        """Approve (publish), reject, or send back for revision with a reason the owner sees."""
        listing = service.get_visible(session, kind=kind, user=reviewer, listing_id=listing_id)
        return detail(
            reviewer,
            service.review(
                session, kind=kind, reviewer=reviewer, listing=listing, decision=data.decision, reason=data.reason
            ),
        )

    @router.get("/{listing_id:int}/history", operation_id=f"history{name}")
    def history(session: SessionDep, user: CurrentUser, listing_id: IdPath) -> list[AuditEventOut]:
        """The audit trail: who changed what and when (owner's organisation and reviewers)."""
        listing = service.get_visible(session, kind=kind, user=user, listing_id=listing_id)
        if not (service.is_owner(user, listing) or service.is_staff(user)):
            raise Forbidden("Only the owner's organisation and reviewers can read the history")
        events = audit.history(session, entity_type=kind.name, entity_id=listing.id)
        return [AuditEventOut.model_validate(e) for e in events]

    return router


outputs_router = build_router(OUTPUTS, OutputDraft, OutputUpdate, OutputOut, OutputDetail)
needs_router = build_router(NEEDS, NeedDraft, NeedUpdate, NeedOut, NeedOut)
