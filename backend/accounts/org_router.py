"""HTTP routes of organisations: profile, members, verification by reviewers."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from sqlalchemy import func, select

from backend.accounts import service
from backend.accounts.deps import CurrentUser, OptionalUser, StaffUser
from backend.accounts.enums import STAFF_ROLES, OrgKind, OrgStatus
from backend.accounts.models import Organisation, User
from backend.accounts.schemas import MemberIn, OrganisationOut, OrganisationReview, OrganisationUpdate, UserOut
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES, Forbidden, NotFound
from backend.core.pagination import Page, PageDep
from backend.core.params import IdPath

router = APIRouter(prefix="/organisations", tags=["organisations"], responses=ERROR_RESPONSES)


@router.get("", operation_id="listOrganisations")
def list_organisations(
    session: SessionDep,
    user: OptionalUser,
    paging: PageDep,
    kind: OrgKind | None = None,
    org_status: Annotated[OrgStatus | None, Query(alias="status")] = None,
) -> Page[OrganisationOut]:
    """Verified organisations for everyone; reviewers also see pending and rejected ones."""
    stmt = select(Organisation)
    if user is None or user.role not in STAFF_ROLES:
        stmt = stmt.where(Organisation.status == OrgStatus.verified)
    if kind:
        stmt = stmt.where(Organisation.kind == kind)
    if org_status:
        stmt = stmt.where(Organisation.status == org_status)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Organisation.id).offset(paging.offset).limit(paging.page_size))
    items = [OrganisationOut.model_validate(o) for o in rows]
    return Page(items=items, total=total, page=paging.page, page_size=paging.page_size)


def _visible_org(session: SessionDep, user: User | None, org_id: int) -> Organisation:
    org = session.get(Organisation, org_id)
    staff_or_member = user is not None and (user.role in STAFF_ROLES or user.organisation_id == org_id)
    if org is None or (org.status != OrgStatus.verified and not staff_or_member):
        raise NotFound("Organisation not found")
    return org


@router.get("/{org_id}", operation_id="getOrganisation")
def get_organisation(session: SessionDep, user: OptionalUser, org_id: IdPath) -> OrganisationOut:
    return OrganisationOut.model_validate(_visible_org(session, user, org_id))


def _managed_org(session: SessionDep, user: CurrentUser, org_id: IdPath) -> Organisation:
    # A dependency, so a caller who may not manage the organisation gets 403 before the body
    # is validated (not a 422 that answers questions about a request they may not make).
    org = _visible_org(session, user, org_id)
    if not service.can_manage_org(user, org):
        raise Forbidden("Only this organisation's admin can change it or add members")
    return org


ManagedOrg = Annotated[Organisation, Depends(_managed_org)]


@router.patch("/{org_id}", operation_id="updateOrganisation")
def update_organisation(
    session: SessionDep, user: CurrentUser, org: ManagedOrg, data: OrganisationUpdate
) -> OrganisationOut:
    return OrganisationOut.model_validate(service.update_organisation(session, actor=user, org=org, data=data))


@router.get("/{org_id}/members", operation_id="listMembers")
def list_members(session: SessionDep, user: CurrentUser, org_id: IdPath) -> list[UserOut]:
    org = _visible_org(session, user, org_id)
    if not (service.can_manage_org(user, org) or user.role in STAFF_ROLES):
        raise Forbidden("Only this organisation's admin or a reviewer can list its members")
    rows = session.scalars(select(User).where(User.organisation_id == org.id).order_by(User.id))
    return [UserOut.model_validate(u) for u in rows]


@router.post("/{org_id}/members", status_code=status.HTTP_201_CREATED, operation_id="addMember")
def add_member(session: SessionDep, user: CurrentUser, org: ManagedOrg, data: MemberIn) -> UserOut:
    return UserOut.model_validate(service.add_member(session, actor=user, org=org, data=data))


@router.post("/{org_id}/review", operation_id="reviewOrganisation")
def review_organisation(
    session: SessionDep, reviewer: StaffUser, org_id: IdPath, data: OrganisationReview
) -> OrganisationOut:
    """Verify an organisation (its listings may then be published) or reject it with a reason."""
    org = service.get_organisation(session, org_id)
    org = service.review_organisation(session, actor=reviewer, org=org, decision=data.decision, reason=data.reason)
    return OrganisationOut.model_validate(org)
