"""Organisations and users: creation, membership, verification."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import STAFF_ROLES, OrgKind, OrgStatus, Role
from backend.accounts.models import Organisation, User
from backend.accounts.schemas import MemberIn, OrganisationIn, OrganisationUpdate
from backend.core import audit
from backend.core.db import utcnow
from backend.core.errors import BadRequest, Conflict, Forbidden, InvalidState, NotFound
from backend.core.security import hash_password


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_organisation(session: Session, *, data: OrganisationIn, actor_id: int | None) -> Organisation:
    if session.scalar(select(Organisation.id).where(Organisation.uscc == data.uscc)) is not None:
        raise Conflict("An organisation with this credit code is already registered", code="uscc_taken")
    org = Organisation(**data.model_dump(), status=OrgStatus.pending)
    session.add(org)
    session.flush()
    audit.record(session, actor_id=actor_id, entity_type="organisation", entity_id=org.id, action="create")
    return org


def create_user(
    session: Session, *, org: Organisation, email: str, password: str, full_name: str, role: Role, locale: str
) -> User:
    email = normalise_email(email)
    if session.scalar(select(User.id).where(func.lower(User.email) == email)) is not None:
        raise Conflict("This e-mail address is already registered", code="email_taken")
    if role == Role.agent and org.kind != OrgKind.transfer_agency:
        raise BadRequest("Agents belong to a technology-transfer agency", code="role_not_allowed")
    if role in STAFF_ROLES and org.kind != OrgKind.government:
        raise BadRequest("Reviewers and platform admins belong to a government organisation", code="role_not_allowed")
    user = User(
        email=email,
        password_hash=hash_password(password),
        full_name=full_name,
        organisation_id=org.id,
        role=role,
        locale=locale,
    )
    session.add(user)
    session.flush()
    return user


def get_organisation(session: Session, org_id: int) -> Organisation:
    org = session.get(Organisation, org_id)
    if org is None:
        raise NotFound("Organisation not found")
    return org


def can_manage_org(user: User, org: Organisation) -> bool:
    if user.role == Role.platform_admin:
        return True
    return user.organisation_id == org.id and user.role == Role.org_admin


def add_member(session: Session, *, actor: User, org: Organisation, data: MemberIn) -> User:
    if not can_manage_org(actor, org):
        raise Forbidden("Only this organisation's admin can add members")
    if data.role in STAFF_ROLES and actor.role != Role.platform_admin:
        raise Forbidden("Only a platform admin can create reviewers and platform admins")
    user = create_user(
        session,
        org=org,
        email=data.email,
        password=data.password,
        full_name=data.full_name,
        role=data.role,
        locale=data.locale,
    )
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="organisation",
        entity_id=org.id,
        action="add_member",
        changes={"user_id": user.id, "role": str(data.role)},
    )
    return user


def update_organisation(session: Session, *, actor: User, org: Organisation, data: OrganisationUpdate) -> Organisation:
    if not can_manage_org(actor, org):
        raise Forbidden("Only this organisation's admin can edit it")
    if data.version != org.version:
        raise Conflict(
            f"The organisation changed since you read it (version {org.version}, yours {data.version})",
            code="stale_version",
        )
    changes = {}
    for key, value in data.model_dump(exclude={"version"}, exclude_unset=True).items():
        if value is not None and getattr(org, key) != value:
            # Amounts (the team share) go into the JSON audit trail as strings.
            changes[key] = [v if v is None or isinstance(v, str) else str(v) for v in (getattr(org, key), value)]
            setattr(org, key, value)
    if changes:
        session.flush()
        audit.record(
            session, actor_id=actor.id, entity_type="organisation", entity_id=org.id, action="update", changes=changes
        )
    return org


def review_organisation(
    session: Session, *, actor: User, org: Organisation, decision: str, reason: str | None
) -> Organisation:
    if decision == "reject" and not reason:
        raise BadRequest("Give a reason when rejecting an organisation", code="reason_required")
    if org.status == OrgStatus.verified and decision == "verify":
        raise InvalidState("The organisation is already verified", code="already_verified")
    before = org.status
    if decision == "verify":
        org.status = OrgStatus.verified
        org.verified_at = utcnow()
        org.verified_by_id = actor.id
        org.review_reason = None
    else:
        org.status = OrgStatus.rejected
        org.review_reason = reason
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="organisation",
        entity_id=org.id,
        action=decision,
        changes={"status": [before, org.status]},
        note=reason,
    )
    return org
