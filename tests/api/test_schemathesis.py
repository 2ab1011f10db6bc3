"""Schemathesis, in process: every operation of the OpenAPI schema, all checks, as a signed-in user.

The app runs on the test database (rolled back after the test). The caller is the admin of a
verified enterprise that owns a draft output and a draft need, so the id routes meet real objects
as well as absent ones. A fresh access token is minted per example, so a generated logout does
not sign out the examples that follow it.
"""

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy.orm import Session

from backend.accounts.enums import Role
from backend.accounts.models import User
from backend.app import create_app
from tests.factories import auth, make_need, make_org, make_output, make_user

load_all_checks()
ALL_CHECKS = CHECKS.get_all()
# Kept small so the whole file runs in well under two minutes on SQLite and PostgreSQL.
MAX_EXAMPLES = 5


@pytest.fixture
def caller(session: Session) -> User:
    org = make_org(session)
    user = make_user(session, org, role=Role.org_admin)
    make_output(session, user, status="draft")
    make_need(session, user, status="draft")
    return user


# The schema is read from an app built at import; each example is sent to the test's own app,
# whose database session is the test's transaction.
# An empty configuration: the repository's schemathesis.toml is for live runs against `make run`
# (it signs in as a demo user); here every example carries the test's own caller.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(), config=SchemathesisConfig())
# The API refuses NUL bytes in URLs on purpose (tests/api/test_bad_input.py checks that); the
# generated positive cases leave them out. Generation is deterministic so CI runs are repeatable.
schema.config.generation.update(allow_x00=False, deterministic=True)


# Operations whose acceptance of schema-valid input depends on rules JSON Schema cannot state; for
# them "schema-valid data must be accepted" (positive_data_acceptance) is not checked, every other
# check still runs. Each entry says which rule.
BUSINESS_RULES = {
    "POST /api/auth/register": "a credit code's check character (GB 32100-2015, weighted sum mod 31)",
    "POST /api/outputs": "owners' shares add up to 100; a fixed price needs an asking price",
    "PATCH /api/outputs/{listing_id}": "the same cross-field rules, plus the optimistic version",
    "POST /api/needs": "budget_min does not exceed budget_max",
    "PATCH /api/needs/{listing_id}": "the same cross-field rule, plus the optimistic version",
    "POST /api/imports/{kind}": "the uploaded file must be UTF-8 CSV or JSONL with known columns",
    "POST /api/policy/evaluate": "amounts have at most two decimals; costs do not exceed the contract total",
    "PUT /api/deals/{deal_id}/contract": "costs within the total; the deal's stage allows a contract",
    "PUT /api/deals/{deal_id}/registration": "a registration needs a signed contract",
    "POST /api/deals/{deal_id}/payments": "the paid total may not exceed the contract total",
    "POST /api/deals/{deal_id}/sales-reports": "only the buyer reports, once per year",
    "POST /api/notifications/webhooks": "the URL must be public http(s), not private or loopback",
}


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_conforms(case: Any, app: Any, caller: User) -> None:
    checks = ALL_CHECKS
    if case.operation.label in BUSINESS_RULES:
        checks = [c for c in ALL_CHECKS if c is not positive_data_acceptance]
    headers = None if _headers_mutated(case) else auth(caller)
    case.call_and_validate(app=app, headers=headers, checks=checks)


def _headers_mutated(case: Any) -> bool:
    """A negative case that broke the headers (e.g. dropped Authorization) is sent as generated;
    adding our token back would turn the intended rejection into an acceptance."""
    meta = getattr(case, "meta", None)
    if meta is None:
        return False
    info = meta.components.get(ParameterLocation.HEADER)
    return info is not None and info.mode == GenerationMode.NEGATIVE
