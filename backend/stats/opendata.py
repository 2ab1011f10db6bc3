"""The open-data feed: published public listings for other technology markets to sync.

Keyset pagination on (updated_at, id) makes incremental sync exact: a consumer keeps the cursor
of its last page and asks for what changed after it. A listing that was public once and is no
longer (withdrawn, expired, deleted, made registered-only) comes back as a tombstone so copies
elsewhere can drop it. Only public fields leave: never confidential detail, owners or IP numbers.
"""

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation
from backend.core.money import money_str
from backend.listings.enums import ListingStatus, Visibility
from backend.listings.kinds import Listing, ListingKind

COMMON = ("id", "title", "field_code", "keywords", "region", "published_at", "updated_at")
PUBLIC_FIELDS = {
    "outputs": (*COMMON, "summary", "applications", "trl", "transfer_modes", "price_type", "asking_price"),
    "needs": (*COMMON, "description", "target_trl", "budget_min", "budget_max", "cooperation_modes", "deadline"),
}


def is_public(listing: Listing) -> bool:
    return (
        listing.status == ListingStatus.published
        and listing.deleted_at is None
        and listing.visibility == Visibility.public
    )


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is not None and type(value).__name__ == "Decimal":
        return money_str(value)
    return value


def record(kind: ListingKind, listing: Listing, org_name: str) -> dict[str, Any]:
    if not is_public(listing):
        return {"id": listing.id, "removed": True, "updated_at": listing.updated_at.isoformat()}
    row = {name: _value(getattr(listing, name)) for name in PUBLIC_FIELDS[kind.plural]}
    row["organisation"] = org_name
    row["removed"] = False
    return row


def page(
    session: Session, *, kind: ListingKind, since: datetime | None, after_id: int | None, limit: int
) -> list[dict[str, Any]]:
    model = kind.model
    # Listings never public are none of the consumer's business, not even as tombstones.
    stmt = select(model, Organisation.name).join(Organisation, Organisation.id == model.organisation_id)
    stmt = stmt.where(model.published_at.is_not(None))
    if since is not None:
        if after_id is None:
            stmt = stmt.where(model.updated_at > since)
        else:
            stmt = stmt.where(or_(model.updated_at > since, and_(model.updated_at == since, model.id > after_id)))
    stmt = stmt.order_by(model.updated_at, model.id).limit(limit)
    return [record(kind, listing, name) for listing, name in session.execute(stmt)]  # type: ignore[arg-type]


def to_csv(kind: ListingKind, rows: list[dict[str, Any]]) -> Iterator[str]:
    columns = [*PUBLIC_FIELDS[kind.plural], "organisation", "removed"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    buffer.write("\ufeff")  # Excel opens UTF-8 Chinese correctly only with a BOM
    writer.writeheader()
    for row in rows:
        flat = {k: ("|".join(v) if isinstance(v, list) else v) for k, v in row.items()}
        writer.writerow(flat)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
