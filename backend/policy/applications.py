"""Subsidy applications: apply on a deal, attach documents, submit, one or two reviewers decide.

Every change re-evaluates and freezes the case and the result with the rule-set version used, so
a reviewer decides on exactly what the applicant saw.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import STAFF_ROLES
from backend.accounts.models import User
from backend.core import audit
from backend.core.config import get_settings
from backend.core.db import utcnow
from backend.core.errors import BadRequest, Forbidden, InvalidState, NotFound, Unprocessable
from backend.deals import access
from backend.deals.models import Deal, DealDocument
from backend.notifications.service import Audience, emit
from backend.policy import store
from backend.policy.case_builder import build_case
from backend.policy.engine import Case, evaluate
from backend.policy.engine.ruleset import RuleSet
from backend.policy.models import ApplicationReview, SubsidyApplication
from backend.policy.schemas import ApplicationIn, ApplicationReviewIn, DocumentAttach

EVENT = "subsidy_application.status_changed"


def _beneficiary_org(rules: RuleSet, deal: Deal) -> int | None:
    if rules.beneficiary == "buyer":
        return deal.buyer_org_id
    if rules.beneficiary == "seller":
        return deal.seller_org_id
    return deal.agency_org_id


def _can_act_for(user: User, deal: Deal, org_id: int | None) -> bool:
    return user.organisation_id == org_id or (deal.agent_id is not None and user.id == deal.agent_id)


def _evaluate(session: Session, app: SubsidyApplication, deal: Deal) -> None:
    rules = store.get(session, app.rule_set)
    case = build_case(
        session,
        deal=deal,
        year=app.year,
        rule_set=app.rule_set,
        declarations=app.declarations,
        documents=sorted(app.documents),
        beneficiary_org_id=app.applicant_org_id,
        application_id=app.id,
    )
    result = evaluate(rules, Case.model_validate(case))
    app.case = case
    app.evaluation = result.model_dump(mode="json")
    app.rule_set_version = result.rules_version
    app.eligible = result.eligible
    app.amount = result.amount
    threshold = get_settings().second_review_above
    app.required_approvals = 2 if result.amount is not None and result.amount > threshold else 1


def create(session: Session, *, actor: User, data: ApplicationIn) -> SubsidyApplication:
    deal = access.get_visible(session, user=actor, deal_id=data.deal_id)
    rules = store.get(session, data.rule_set)
    org_id = _beneficiary_org(rules, deal)
    if org_id is None or not _can_act_for(actor, deal, org_id):
        raise Forbidden(
            f"Only the {rules.beneficiary} of this deal (or its agent) can apply under {rules.name}",
            code="not_beneficiary",
        )
    app = SubsidyApplication(
        deal_id=deal.id,
        applicant_org_id=org_id,
        applicant_id=actor.id,
        rule_set=rules.name,
        rule_set_version=rules.version,
        year=data.year,
        declarations=data.declarations.model_dump(exclude_none=True),
        documents={},
        case={},
        evaluation={},
    )
    session.add(app)
    session.flush()
    _evaluate(session, app, deal)
    session.flush()
    audit.record(session, actor_id=actor.id, entity_type="subsidy_application", entity_id=app.id, action="create")
    return app


def get_visible(session: Session, *, user: User, application_id: int) -> SubsidyApplication:
    app = session.get(SubsidyApplication, application_id)
    if app is None:
        raise NotFound("Application not found")
    deal = session.get(Deal, app.deal_id)
    if user.role in STAFF_ROLES or (deal is not None and _can_act_for(user, deal, app.applicant_org_id)):
        return app
    raise NotFound("Application not found")


def list_for(session: Session, *, user: User, status: str | None) -> list[SubsidyApplication]:
    stmt = select(SubsidyApplication)
    if user.role not in STAFF_ROLES:
        agent_deals = select(Deal.id).where(Deal.agent_id == user.id)
        stmt = stmt.where(
            (SubsidyApplication.applicant_org_id == user.organisation_id) | SubsidyApplication.deal_id.in_(agent_deals)
        )
    if status:
        stmt = stmt.where(SubsidyApplication.status == status)
    return list(session.scalars(stmt.order_by(SubsidyApplication.id.desc()).limit(500)))


def _editable(user: User, app: SubsidyApplication, deal: Deal) -> None:
    if not _can_act_for(user, deal, app.applicant_org_id):
        raise Forbidden("Only the applicant (or the deal's agent) can change this application")
    if app.status != "draft":
        raise InvalidState(f"A {app.status} application is frozen", code="application_frozen")


def refresh(session: Session, *, actor: User, app: SubsidyApplication) -> SubsidyApplication:
    """Re-evaluate a draft with the deal's current figures (new payments, a sales report...)."""
    deal = access.get_visible(session, user=actor, deal_id=app.deal_id)
    _editable(actor, app, deal)
    _evaluate(session, app, deal)
    session.flush()
    return app


def attach(session: Session, *, actor: User, app: SubsidyApplication, data: DocumentAttach) -> SubsidyApplication:
    deal = access.get_visible(session, user=actor, deal_id=app.deal_id)
    _editable(actor, app, deal)
    rules = store.get(session, app.rule_set, app.rule_set_version)
    if data.document not in {doc.id for doc in rules.documents}:
        known = ", ".join(doc.id for doc in rules.documents)
        raise BadRequest(f"{data.document!r} is not on this rule set's checklist ({known})", code="unknown_document")
    doc = session.get(DealDocument, data.deal_document_id)
    if doc is None or doc.deal_id != deal.id:
        raise NotFound("Deal document not found", code="deal_document_not_found")
    app.documents = {**app.documents, data.document: doc.id}
    _evaluate(session, app, deal)
    session.flush()
    return app


def notify_applicant(session: Session, app: SubsidyApplication, actor: User, *, event: str, **extra: Any) -> None:
    """The applicant and its organisation hear of ``event``, except whoever caused it."""
    emit(
        session,
        event=event,
        payload={"application_id": app.id, "deal_id": app.deal_id, "rule_set": app.rule_set, **extra},
        audience=Audience(organisation_ids=(app.applicant_org_id,), exclude_user_ids=frozenset({actor.id})),
        recipients=(app.applicant_id,) if app.applicant_id != actor.id else (),
    )


def _notify(session: Session, app: SubsidyApplication, actor: User, **extra: Any) -> None:
    notify_applicant(session, app, actor, event=EVENT, status=app.status, **extra)


def _move(session: Session, app: SubsidyApplication, actor: User, status: str, note: str | None = None) -> None:
    before = app.status
    app.status = status
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="subsidy_application",
        entity_id=app.id,
        action=status,
        changes={"status": [before, status]},
        note=note,
    )
    _notify(session, app, actor, reason=note)


def submit(session: Session, *, actor: User, app: SubsidyApplication) -> SubsidyApplication:
    deal = access.get_visible(session, user=actor, deal_id=app.deal_id)
    _editable(actor, app, deal)
    _evaluate(session, app, deal)
    failed = [c["rule"] for c in app.evaluation.get("checks", []) if c.get("passed") is not True]
    missing = [d["id"] for d in app.evaluation.get("missing_documents", [])]
    if failed or missing:
        parts = []
        if failed:
            parts.append("checks not passed: " + ", ".join(failed))
        if missing:
            parts.append("documents missing: " + ", ".join(missing))
        raise Unprocessable("Cannot submit yet; " + "; ".join(parts), code="not_ready")
    app.submitted_at = utcnow()
    _move(session, app, actor, "submitted")
    return app


def review(
    session: Session, *, reviewer: User, app: SubsidyApplication, data: ApplicationReviewIn
) -> SubsidyApplication:
    """One approval, or two from different reviewers above the configured amount; any rejection ends it."""
    if app.status not in ("submitted", "first_approved"):
        raise InvalidState(f"A {app.status} application is not awaiting review", code="not_awaiting_review")
    if data.decision == "reject" and not data.reason:
        raise BadRequest("Give the applicant a reason when rejecting", code="reason_required")
    done = session.scalar(
        select(ApplicationReview.id).where(
            ApplicationReview.application_id == app.id, ApplicationReview.reviewer_id == reviewer.id
        )
    )
    if done is not None:
        raise InvalidState(
            "You already reviewed this application; a second reviewer must decide", code="already_reviewed"
        )
    session.add(
        ApplicationReview(application_id=app.id, reviewer_id=reviewer.id, decision=data.decision, reason=data.reason)
    )
    approvals = 1 + (1 if app.status == "first_approved" else 0)
    if data.decision == "reject":
        app.decided_at = utcnow()
        _move(session, app, reviewer, "rejected", data.reason)
    elif approvals >= app.required_approvals:
        app.decided_at = utcnow()
        _move(session, app, reviewer, "approved", data.reason)
    else:
        _move(session, app, reviewer, "first_approved", data.reason)
    return app


def reviews(session: Session, app: SubsidyApplication) -> list[ApplicationReview]:
    return reviews_by_application(session, [app.id]).get(app.id, [])


def reviews_by_application(session: Session, application_ids: Sequence[int]) -> dict[int, list[ApplicationReview]]:
    """Reviews of many applications in one query."""
    found: dict[int, list[ApplicationReview]] = {}
    if not application_ids:
        return found
    stmt = select(ApplicationReview).where(ApplicationReview.application_id.in_(application_ids))
    for review in session.scalars(stmt.order_by(ApplicationReview.id)):
        found.setdefault(review.application_id, []).append(review)
    return found
