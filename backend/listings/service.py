"""Listing services: create, read with visibility rules, edit, delete, workflow."""

from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session, object_session

from backend.accounts.enums import STAFF_ROLES, OrgStatus
from backend.accounts.models import Organisation, User
from backend.core import audit
from backend.core.db import utcnow
from backend.core.errors import BadRequest, Conflict, Forbidden, InvalidState, NotFound, Unprocessable
from backend.listings import nda, workflow
from backend.listings.enums import ListingStatus, Visibility
from backend.listings.kinds import Listing, ListingKind
from backend.listings.models import ResearchOutput
from backend.notifications import events as notify
from backend.notifications import outbox

# By task name: listings must not import matching; the worker finds whom to alert.
MATCH_ALERT_TASK = "techmatch.matching.alert_new_listing"


def is_staff(user: User | None) -> bool:
    return user is not None and user.role in STAFF_ROLES


def is_owner(user: User | None, listing: Listing) -> bool:
    return user is not None and user.organisation_id == listing.organisation_id


def can_view(user: User | None, listing: Listing) -> bool:
    if listing.deleted_at is not None:
        return False
    if is_owner(user, listing):
        return True
    if is_staff(user):
        return listing.status != ListingStatus.draft
    if listing.status != ListingStatus.published:
        return False
    return listing.visibility == Visibility.public or user is not None


def can_see_confidential(user: User | None, listing: Listing) -> bool:
    if is_owner(user, listing) or is_staff(user):
        return True
    # Past the teaser only for an organisation that accepted the output's NDA (staged confidentiality).
    session = object_session(listing)
    if user is None or session is None or not isinstance(listing, ResearchOutput):
        return False
    return nda.has_accepted(session, output_id=listing.id, organisation_id=user.organisation_id)


def get_visible(session: Session, *, kind: ListingKind, user: User | None, listing_id: int) -> Listing:
    listing: Listing | None = session.get(kind.model, listing_id)  # type: ignore[assignment]
    # Invisible and absent look the same, so ids cannot be probed.
    if listing is None or not can_view(user, listing):
        raise NotFound(f"{kind.name.capitalize()} not found")
    return listing


def _require_owner(user: User, listing: Listing, what: str) -> None:
    if not is_owner(user, listing):
        raise Forbidden(f"Only the owning organisation can {what} this listing", code="not_owner")


def _jsonable(value: Any) -> Any:
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _apply(kind: ListingKind, listing: Listing, values: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key, value in values.items():
        old = getattr(listing, key)
        if old == value:
            continue
        # Confidential text stays out of the audit trail; only the fact of the change is kept.
        if key in kind.confidential:
            changes[key] = "changed"
        else:
            changes[key] = [_jsonable(old), _jsonable(value)]
        setattr(listing, key, value)
    return changes


def _values(data: BaseModel, *, exclude: set[str] | None = None, unset: bool = False) -> dict[str, Any]:
    # mode="python" keeps Decimal and date objects; nested models become dicts for the JSON columns.
    values = data.model_dump(exclude=exclude, exclude_unset=unset)
    return {k: (_jsonable(v) if isinstance(v, list) else v) for k, v in values.items()}


def create(session: Session, *, kind: ListingKind, actor: User, data: BaseModel) -> Listing:
    org = actor.organisation
    if org.status == OrgStatus.rejected:
        raise Forbidden("Your organisation's registration was rejected", code="organisation_rejected")
    values = _values(data)
    if values.get("region") is None:
        values["region"] = org.region
    listing = kind.model(
        organisation_id=actor.organisation_id, created_by_id=actor.id, status=ListingStatus.draft, **values
    )
    session.add(listing)
    session.flush()
    audit.record(session, actor_id=actor.id, entity_type=kind.name, entity_id=listing.id, action="create")
    return listing


def update(session: Session, *, kind: ListingKind, actor: User, listing: Listing, data: BaseModel) -> Listing:
    _require_owner(actor, listing, "edit")
    version = getattr(data, "version")  # noqa: B009 - both update schemas carry it
    if version != listing.version:
        raise Conflict(
            f"This listing changed since you read it (now version {listing.version}, yours {version}); "
            "reload and apply your edit again",
            code="stale_version",
        )
    if listing.status not in workflow.EDITABLE:
        raise InvalidState(f"A {listing.status} listing can no longer be edited", code="not_editable")
    values = _values(data, exclude={"version"}, unset=True)
    if "title" in values and values["title"] is None:
        raise Unprocessable(
            "title: may not be empty",
            details=[{"loc": ["body", "title"], "msg": "may not be empty", "type": "missing"}],
        )
    changes = _apply(kind, listing, values)
    if changes:
        session.flush()
        audit.record(
            session, actor_id=actor.id, entity_type=kind.name, entity_id=listing.id, action="update", changes=changes
        )
    return listing


def delete(session: Session, *, kind: ListingKind, actor: User, listing: Listing) -> None:
    """Soft delete: the row stays for the audit trail and for deals that refer to it."""
    _require_owner(actor, listing, "delete")
    listing.deleted_at = utcnow()
    session.flush()
    audit.record(session, actor_id=actor.id, entity_type=kind.name, entity_id=listing.id, action="delete")


def _move(
    session: Session, *, kind: ListingKind, actor: User | None, listing: Listing, action: str, note: str | None
) -> Listing:
    target = workflow.target_status(action, listing.status)
    if target is None:
        raise InvalidState(f"Cannot {action} a listing that is {listing.status}", code="invalid_transition")
    before = listing.status
    listing.status = target
    now = utcnow()
    if target == ListingStatus.pending_review:
        listing.submitted_at = now
        listing.review_reason = None
    elif target == ListingStatus.published:
        listing.published_at = now
        listing.review_reason = None
    elif action in ("reject", "revise"):
        listing.review_reason = note
    session.flush()
    audit.record(
        session,
        actor_id=actor.id if actor else None,
        entity_type=kind.name,
        entity_id=listing.id,
        action=action,
        changes={"status": [before, target]},
        note=note,
    )
    return listing


def submit(session: Session, *, kind: ListingKind, actor: User, listing: Listing) -> Listing:
    _require_owner(actor, listing, "submit")
    missing = workflow.missing_for_submission(kind, listing)
    if missing:
        raise Unprocessable(
            "Complete these fields before submitting for review: " + ", ".join(missing),
            code="incomplete_listing",
            details=[{"loc": ["body", name], "msg": "required before review", "type": "missing"} for name in missing],
        )
    return _move(session, kind=kind, actor=actor, listing=listing, action="submit", note=None)


def withdraw(session: Session, *, kind: ListingKind, actor: User, listing: Listing) -> Listing:
    _require_owner(actor, listing, "withdraw")
    return _move(session, kind=kind, actor=actor, listing=listing, action="withdraw", note=None)


def review(
    session: Session, *, kind: ListingKind, reviewer: User, listing: Listing, decision: str, reason: str | None
) -> Listing:
    if decision != "approve" and not reason:
        raise BadRequest("Give the owner a reason when rejecting or sending back", code="reason_required")
    if decision == "approve":
        org = session.get(Organisation, listing.organisation_id)
        if org is None or org.status != OrgStatus.verified:
            raise InvalidState(
                "The owning organisation is not verified yet; verify it before publishing its listings",
                code="organisation_not_verified",
            )
    moved = _move(session, kind=kind, actor=reviewer, listing=listing, action=decision, note=reason)
    # Same transaction as the decision: the owner hears of it exactly when it commits.
    notify.listing_reviewed(
        session,
        decision=decision,
        kind=kind.name,
        listing_id=listing.id,
        organisation_id=listing.organisation_id,
        title=listing.title,
        reason=reason,
    )
    if decision == "approve":
        outbox.enqueue(session, MATCH_ALERT_TASK, kind.name, listing.id)
    return moved


def expire(session: Session, *, kind: ListingKind, listing: Listing) -> Listing:
    moved = _move(session, kind=kind, actor=None, listing=listing, action="expire", note=None)
    notify.listing_event(
        session,
        event=notify.Event.listing_expired,
        kind=kind.name,
        listing_id=listing.id,
        organisation_id=listing.organisation_id,
        title=listing.title,
        expires_at=listing.expires_at,
        dedupe_key=f"listing.expired:{kind.name}:{listing.id}:{listing.expires_at}",
    )
    return moved
