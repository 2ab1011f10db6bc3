"""Load the demo data: organisations, one account per role, and the generated listings.

``seed_demo`` is idempotent (a marker organisation says the demo is there) and only
flushes; the caller commits. Organisations go through the accounts service; listings are
inserted in batches with the audit trail the workflow would have written (see
``_listings``); the shared demo password is hashed once because argon2id at OWASP cost
takes tens of milliseconds.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts import service as accounts
from backend.accounts.enums import Role
from backend.accounts.models import Organisation, User
from backend.accounts.schemas import OrganisationIn
from backend.core import audit
from backend.core.db import utcnow
from backend.core.security import hash_password
from backend.listings.enums import ListingStatus
from backend.listings.kinds import NEEDS, OUTPUTS, Listing, ListingKind
from backend.ops.demo.catalog import DEMO_PASSWORD, Catalog, load_catalog
from backend.ops.demo.generate import ListingPlan, generate


@dataclass(frozen=True)
class SeedReport:
    loaded: bool
    organisations: int = 0
    users: int = 0
    outputs: int = 0
    needs: int = 0

    def __str__(self) -> str:
        if not self.loaded:
            return "demo data already present; nothing loaded"
        return (
            f"loaded {self.organisations} organisations, {self.users} users, "
            f"{self.outputs} research outputs and {self.needs} technology needs "
            f"(demo accounts demo-<role>@techmatch.local, password {DEMO_PASSWORD})"
        )


def demo_present(session: Session, catalog: Catalog | None = None) -> bool:
    marker = (catalog or load_catalog()).marker
    return session.scalar(select(Organisation.id).where(Organisation.uscc == marker.uscc)) is not None


def _organisations(session: Session, catalog: Catalog) -> dict[str, Organisation]:
    orgs = {}
    for spec in catalog.organisations:
        data = OrganisationIn(
            name=spec.name,
            name_en=spec.name_en,
            kind=spec.kind,
            region=spec.region,
            uscc=spec.uscc,
            description=spec.description,
        )
        orgs[spec.key] = accounts.create_organisation(session, data=data, actor_id=None)
    return orgs


def _users(session: Session, catalog: Catalog, orgs: dict[str, Organisation]) -> dict[str, User]:
    password_hash = hash_password(DEMO_PASSWORD)
    users = {}
    for spec in catalog.users:
        user = User(
            email=spec.email,
            password_hash=password_hash,
            full_name=spec.full_name,
            organisation_id=orgs[spec.org_key].id,
            role=spec.role,
            locale="en" if spec.role == Role.platform_admin else "zh-CN",
        )
        user.organisation = orgs[spec.org_key]
        session.add(user)
        users[spec.email] = user
    session.flush()
    return users


# The review decision that leads to each planned status (after a submission).
_DECISIONS = {
    ListingStatus.published: "approve",
    ListingStatus.needs_revision: "revise",
    ListingStatus.rejected: "reject",
}


def _new_listing(kind: ListingKind, plan: ListingPlan, creator: User) -> Listing:
    python = plan.draft.model_dump()
    as_json = plan.draft.model_dump(mode="json")
    # JSON columns get JSON-ready lists (shares as strings), as listings.service stores them.
    values = {key: as_json[key] if isinstance(value, list) else value for key, value in python.items()}
    when = utcnow() - timedelta(days=plan.age_days, hours=plan.age_days % 9)
    return kind.model(
        organisation_id=creator.organisation_id,
        created_by_id=creator.id,
        status=plan.status,
        review_reason=plan.reason,
        created_at=when - timedelta(days=3),
        updated_at=when,
        submitted_at=None if plan.status == ListingStatus.draft else when - timedelta(days=1),
        published_at=when if plan.status == ListingStatus.published else None,
        **values,
    )


def _listings(
    session: Session, kind: ListingKind, plans: list[ListingPlan], creators: list[User], reviewer: User
) -> None:
    """Insert the listings in one batch and write the audit trail the workflow would have written.

    Built as rows rather than through listings.create/submit/review: one INSERT per table
    instead of thousands of statements keeps ``make run`` quick, and the review service
    notifies owners, which would fill the outbox with hundreds of demo e-mails. Dates are
    spread over the past months so "newest first" and the statistics look lived-in.
    """
    rows = [_new_listing(kind, plan, creator) for plan, creator in zip(plans, creators, strict=True)]
    session.add_all(rows)
    session.flush()
    for plan, creator, listing in zip(plans, creators, rows, strict=True):
        events: list[tuple[User, str, dict[str, object], str | None]] = [(creator, "create", {}, None)]
        if plan.status != ListingStatus.draft:
            events.append((creator, "submit", {"status": ["draft", "pending_review"]}, None))
        decision = _DECISIONS.get(plan.status)
        if decision:
            events.append((reviewer, decision, {"status": ["pending_review", str(plan.status)]}, plan.reason))
        for actor, action, changes, note in events:
            audit.record(
                session,
                actor_id=actor.id,
                entity_type=kind.name,
                entity_id=listing.id,
                action=action,
                changes=changes,
                note=note,
            )


def seed_demo(session: Session) -> SeedReport:
    """Load the demo data unless it is already there. Flushes; the caller commits."""
    catalog = load_catalog()
    if demo_present(session, catalog):
        return SeedReport(loaded=False)
    orgs = _organisations(session, catalog)
    users = _users(session, catalog, orgs)
    reviewer = next(user for user in users.values() if user.role == Role.reviewer)
    for spec in catalog.organisations:
        if spec.verified:
            accounts.review_organisation(session, actor=reviewer, org=orgs[spec.key], decision="verify", reason=None)
    outputs, needs = generate(catalog, today=utcnow().date())
    for kind, plans in ((OUTPUTS, outputs), (NEEDS, needs)):
        creators = [users[catalog.creator_email(plan.org_key)] for plan in plans]
        _listings(session, kind, plans, creators, reviewer)
    session.flush()
    return SeedReport(loaded=True, organisations=len(orgs), users=len(users), outputs=len(outputs), needs=len(needs))
