"""HTTP routes of subsidy applications."""

from typing import Annotated

from fastapi import APIRouter, Query, status
from sqlalchemy.orm import Session

from backend.accounts.deps import CurrentUser, StaffUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.params import IdPath
from backend.policy import applications, payouts
from backend.policy.models import SubsidyApplication
from backend.policy.schemas import (
    ApplicationIn,
    ApplicationOut,
    ApplicationReviewIn,
    ApplicationStatus,
    DocumentAttach,
    PayoutIn,
    PayoutOut,
    ReviewOut,
)

router = APIRouter(prefix="/applications", tags=["subsidy applications"], responses=ERROR_RESPONSES)


def _outs(session: Session, apps: list[SubsidyApplication]) -> list[ApplicationOut]:
    """Applications with their reviews and payouts: three queries however many applications."""
    ids = [a.id for a in apps]
    reviews = applications.reviews_by_application(session, ids)
    paid = payouts.by_application(session, ids)
    outs = []
    for app in apps:
        out = ApplicationOut.model_validate(app)
        out.reviews = [ReviewOut.model_validate(r) for r in reviews.get(app.id, [])]
        out.payouts = [PayoutOut.model_validate(p) for p in paid.get(app.id, [])]
        out.paid = payouts.total_of(paid.get(app.id, []))
        outs.append(out)
    return outs


def _out(session: Session, app: SubsidyApplication) -> ApplicationOut:
    return _outs(session, [app])[0]


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="createApplication")
def create(session: SessionDep, user: CurrentUser, data: ApplicationIn) -> ApplicationOut:
    """Start an application on a deal: the case is built from the deal and evaluated at once."""
    return _out(session, applications.create(session, actor=user, data=data))


@router.get("", operation_id="listApplications")
def list_applications(
    session: SessionDep,
    user: CurrentUser,
    application_status: Annotated[ApplicationStatus | None, Query(alias="status")] = None,
) -> list[ApplicationOut]:
    """Your organisation's applications; reviewers see all (filter status=submitted for the queue)."""
    return _outs(session, applications.list_for(session, user=user, status=application_status))


@router.get("/{application_id}", operation_id="getApplication")
def get_application(session: SessionDep, user: CurrentUser, application_id: IdPath) -> ApplicationOut:
    return _out(session, applications.get_visible(session, user=user, application_id=application_id))


@router.post("/{application_id}/refresh", operation_id="refreshApplication")
def refresh(session: SessionDep, user: CurrentUser, application_id: IdPath) -> ApplicationOut:
    """Re-evaluate a draft with the deal's current payments, registration and sales reports."""
    app = applications.get_visible(session, user=user, application_id=application_id)
    return _out(session, applications.refresh(session, actor=user, app=app))


@router.post("/{application_id}/documents", operation_id="attachApplicationDocument")
def attach(session: SessionDep, user: CurrentUser, application_id: IdPath, data: DocumentAttach) -> ApplicationOut:
    """Attach a deal document against an item of the rule set's checklist."""
    app = applications.get_visible(session, user=user, application_id=application_id)
    return _out(session, applications.attach(session, actor=user, app=app, data=data))


@router.post("/{application_id}/submit", operation_id="submitApplication")
def submit(session: SessionDep, user: CurrentUser, application_id: IdPath) -> ApplicationOut:
    """Submit for review: every check must pass and every listed document be attached."""
    app = applications.get_visible(session, user=user, application_id=application_id)
    return _out(session, applications.submit(session, actor=user, app=app))


@router.post("/{application_id}/review", operation_id="reviewApplication")
def review(
    session: SessionDep, reviewer: StaffUser, application_id: IdPath, data: ApplicationReviewIn
) -> ApplicationOut:
    """Approve or reject with a reason; above the configured amount a second reviewer must approve too."""
    app = applications.get_visible(session, user=reviewer, application_id=application_id)
    return _out(session, applications.review(session, reviewer=reviewer, app=app, data=data))


@router.post("/{application_id}/payouts", status_code=status.HTTP_201_CREATED, operation_id="recordApplicationPayout")
def record_payout(session: SessionDep, staff: StaffUser, application_id: IdPath, data: PayoutIn) -> ApplicationOut:
    """Record money paid on an approved application (staff): instalments may follow one another up to
    the amount granted; a reference already recorded on the application is refused (409)."""
    return _out(session, payouts.record(session, actor=staff, application_id=application_id, data=data))
