"""Role x route matrix: every route of the app has a rule saying which roles may call it.

A route missing from RULES fails ``test_every_route_has_a_rule``, so a new route cannot ship
without a decision. For each route and role, a forbidden caller must get 401 or 403 (never a
2xx) and an allowed caller must not get 401 or 403. Object-level rules are exercised on the
caller's own objects (own organisation, own listings); ids of other domains point nowhere.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import User
from tests.api.routes import RouteInfo, app_routes
from tests.factories import auth, make_need, make_org, make_output, make_user

ANON = "anonymous"
ROLES = (ANON, *(r.value for r in Role))
SIGNED_IN = frozenset(r.value for r in Role)
PUBLIC = SIGNED_IN | {ANON}
STAFF = frozenset({"reviewer", "platform_admin"})
ORG_MANAGERS = frozenset({"org_admin", "platform_admin"})

# (method, path as routed) -> roles that may call it.
RULES: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/api/health"): PUBLIC,
    ("GET", "/{path:webpath}"): PUBLIC,
    ("POST", "/api/auth/register"): PUBLIC,
    ("POST", "/api/auth/login"): PUBLIC,
    ("POST", "/api/auth/refresh"): PUBLIC,
    ("POST", "/api/auth/logout"): SIGNED_IN,
    ("GET", "/api/me"): SIGNED_IN,
    ("PATCH", "/api/me"): SIGNED_IN,
    ("GET", "/api/organisations"): PUBLIC,
    ("GET", "/api/organisations/{org_id}"): PUBLIC,
    ("PATCH", "/api/organisations/{org_id}"): ORG_MANAGERS,
    ("GET", "/api/organisations/{org_id}/members"): ORG_MANAGERS | STAFF,
    ("POST", "/api/organisations/{org_id}/members"): ORG_MANAGERS,
    ("POST", "/api/organisations/{org_id}/review"): STAFF,
    ("GET", "/api/taxonomy/fields"): PUBLIC,
    ("GET", "/api/taxonomy/regions"): PUBLIC,
    # Matching
    ("GET", "/api/needs/{need_id}/matches"): PUBLIC,
    ("GET", "/api/outputs/{output_id}/matches"): PUBLIC,
    ("GET", "/api/matches/suggestions"): STAFF | {"agent"},
    ("PUT", "/api/matches/feedback"): SIGNED_IN,
    ("GET", "/api/matches/index"): STAFF,
    # Saved searches (each user's own)
    ("GET", "/api/saved-searches"): SIGNED_IN,
    ("POST", "/api/saved-searches"): SIGNED_IN,
    ("GET", "/api/saved-searches/{search_id}"): SIGNED_IN,
    ("PUT", "/api/saved-searches/{search_id}"): SIGNED_IN,
    ("DELETE", "/api/saved-searches/{search_id}"): SIGNED_IN,
    # Policy and subsidy applications
    ("GET", "/api/policy/rule-sets"): SIGNED_IN,
    ("GET", "/api/policy/rule-sets/{name}"): SIGNED_IN,
    ("GET", "/api/policy/rule-sets/{name}/versions"): SIGNED_IN,
    ("POST", "/api/policy/rule-sets"): STAFF,
    ("POST", "/api/policy/evaluate"): SIGNED_IN,
    ("POST", "/api/policy/batch"): STAFF,
    ("GET", "/api/policy/batch/{job_id}/export"): STAFF,
    ("POST", "/api/applications"): SIGNED_IN,
    ("GET", "/api/applications"): SIGNED_IN,
    ("GET", "/api/applications/{application_id}"): SIGNED_IN,
    ("POST", "/api/applications/{application_id}/refresh"): SIGNED_IN,
    ("POST", "/api/applications/{application_id}/documents"): SIGNED_IN,
    ("POST", "/api/applications/{application_id}/submit"): SIGNED_IN,
    ("POST", "/api/applications/{application_id}/review"): STAFF,
    ("POST", "/api/applications/{application_id}/payouts"): STAFF,
    # Open data, import, NDAs, deals, notifications, jobs, operations
    ("GET", "/api/open/outputs"): PUBLIC,
    ("GET", "/api/open/needs"): PUBLIC,
    ("POST", "/api/imports/{kind}"): frozenset({"org_admin"}),
    ("GET", "/api/outputs/{output_id:int}/nda"): SIGNED_IN,
    ("POST", "/api/outputs/{output_id:int}/nda/accept"): SIGNED_IN,
    ("POST", "/api/interests"): SIGNED_IN,
    ("GET", "/api/interests"): SIGNED_IN,
    ("GET", "/api/interests/{interest_id}"): SIGNED_IN,
    ("POST", "/api/interests/{interest_id}/decide"): SIGNED_IN,
    ("POST", "/api/deals"): SIGNED_IN,
    ("GET", "/api/deals"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}"): SIGNED_IN,
    ("POST", "/api/deals/{deal_id}/transition"): SIGNED_IN,
    ("PUT", "/api/deals/{deal_id}/agent"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/history"): SIGNED_IN,
    ("PUT", "/api/deals/{deal_id}/contract"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/contract"): SIGNED_IN,
    ("PUT", "/api/deals/{deal_id}/registration"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/registration"): SIGNED_IN,
    ("POST", "/api/deals/{deal_id}/payments"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/payments"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/income-split"): SIGNED_IN,
    ("PUT", "/api/deals/{deal_id}/commission"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/commission"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/commission/entries"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/tax-estimate"): SIGNED_IN,
    ("POST", "/api/deals/{deal_id}/sales-reports"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/sales-reports"): SIGNED_IN,
    ("POST", "/api/deals/{deal_id}/documents"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/documents"): SIGNED_IN,
    ("GET", "/api/deals/{deal_id}/documents/{document_id}"): SIGNED_IN,
    # The directory of agents a deal's party can engage: anyone signed in.
    ("GET", "/api/agents"): SIGNED_IN,
    # The agent's board and ledger: agents (a transfer agency's admin too, for the ledger) and staff.
    ("GET", "/api/agents/board"): STAFF | {"agent"},
    ("GET", "/api/agents/ledger"): STAFF | {"agent"},
    ("GET", "/api/notifications"): SIGNED_IN,
    ("GET", "/api/notifications/unread-count"): SIGNED_IN,
    ("POST", "/api/notifications/read-all"): SIGNED_IN,
    ("POST", "/api/notifications/{notification_id}/read"): SIGNED_IN,
    ("GET", "/api/notifications/preferences"): SIGNED_IN,
    ("PUT", "/api/notifications/preferences"): SIGNED_IN,
    ("GET", "/api/jobs/{job_id}"): SIGNED_IN,
    ("GET", "/api/admin/failed-tasks"): frozenset({"platform_admin"}),
    # Statistics: staff read everything; institutions (university, institute) their own results, and the
    # matrix's callers belong to enterprises, agencies or the government; the public sees the headline only.
    ("GET", "/api/stats/contracts"): STAFF,
    ("GET", "/api/stats/pipeline"): STAFF,
    ("GET", "/api/stats/durations"): STAFF,
    ("GET", "/api/stats/subsidies"): STAFF,
    ("GET", "/api/stats/institutions"): STAFF,
    ("GET", "/api/stats/headline"): PUBLIC,
    ("GET", "/api/stats/targets"): STAFF,
    ("PUT", "/api/stats/targets"): STAFF,
    ("GET", "/api/stats/reports/institutions/{org_id}"): STAFF,
    ("GET", "/api/stats/reports/summary"): STAFF,
    ("GET", "/api/stats/reports/contracts"): STAFF,
    ("POST", "/api/admin/failed-tasks/{failed_id}/retry"): frozenset({"platform_admin"}),
    ("GET", "/api/notifications/webhooks"): ORG_MANAGERS,
    ("POST", "/api/notifications/webhooks"): ORG_MANAGERS,
    ("DELETE", "/api/notifications/webhooks/{webhook_id}"): ORG_MANAGERS,
}
for _kind in ("outputs", "needs"):
    _item = f"/api/{_kind}/{{listing_id:int}}"
    RULES |= {
        ("GET", f"/api/{_kind}"): PUBLIC,
        ("POST", f"/api/{_kind}"): SIGNED_IN,
        ("GET", f"/api/{_kind}/queue"): STAFF,
        ("GET", _item): PUBLIC,
        # Owner's organisation only: every role may edit its own organisation's listings.
        ("PATCH", _item): SIGNED_IN,
        ("DELETE", _item): SIGNED_IN,
        ("POST", f"{_item}/submit"): SIGNED_IN,
        ("POST", f"{_item}/withdraw"): SIGNED_IN,
        ("GET", f"{_item}/history"): SIGNED_IN,
        ("POST", f"{_item}/review"): STAFF,
    }


def test_every_route_has_a_rule(app: Any) -> None:
    missing = [f"{r.method} {r.path}" for r in app_routes(app) if (r.method, r.path) not in RULES]
    assert not missing, f"routes without a role rule in tests/api/test_role_matrix.py: {missing}"


def _caller(session: Session, role: str) -> User | None:
    if role == ANON:
        return None
    kind = {
        "reviewer": OrgKind.government,
        "platform_admin": OrgKind.government,
        "agent": OrgKind.transfer_agency,
    }.get(role, OrgKind.enterprise)
    return make_user(session, make_org(session, kind=kind), role=Role(role))


def _values(session: Session, route: RouteInfo, user: User | None) -> dict[str, Any]:
    """Path values: the caller's own objects where the rule is about ownership, else an absent id."""
    owner = user or make_user(session, make_org(session))
    values: dict[str, Any] = {}
    for name in route.params:
        if name == "org_id":
            values[name] = owner.organisation_id
        elif name == "listing_id":
            make = make_output if route.path.startswith("/api/outputs") else make_need
            values[name] = make(session, owner, status="draft").id
        elif name == "output_id":
            values[name] = make_output(session, owner).id
        elif name == "need_id":
            values[name] = make_need(session, owner).id
        elif name == "kind":
            values[name] = "outputs"
        elif name == "path":
            values[name] = ""
        elif name == "name":
            values[name] = "no-such-rule-set"
        else:
            values[name] = 987654
    return values


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(client: TestClient, session: Session, app: Any, role: str) -> None:
    wrong = []
    for route in app_routes(app):
        allowed = RULES.get((route.method, route.path))
        if allowed is None:
            continue  # reported by test_every_route_has_a_rule
        user = _caller(session, role)
        url = route.url(_values(session, route, user))
        kwargs: dict[str, Any] = {"headers": auth(user) if user else {}}
        if route.method in ("POST", "PUT", "PATCH"):
            kwargs["json"] = {}
        status = client.request(route.method, url, **kwargs).status_code
        if role in allowed and status in (401, 403):
            wrong.append(f"{route.method} {url}: allowed {role} got {status}")
        if role not in allowed and status not in (401, 403):
            wrong.append(f"{route.method} {url}: forbidden {role} got {status}")
    assert not wrong, "\n".join(wrong)
