"""Schemathesis, in process: every operation of the OpenAPI schema, all checks, as a signed-in user.

The app runs on the test database (rolled back after the test). The caller is the admin of a
verified enterprise that owns a draft output and a draft need, so the id routes meet real objects
as well as absent ones. A fresh access token is minted per example, so a generated logout does
not sign out the examples that follow it.
"""

from decimal import Decimal
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy.orm import Session

from backend.accounts.enums import Role
from backend.accounts.models import User
from backend.app import create_app
from tests.factories import auth, make_need, make_org, make_output, make_user

load_all_checks()
ALL_CHECKS = CHECKS.get_all()
# Kept small so the whole file runs in well under two minutes on SQLite and PostgreSQL.
MAX_EXAMPLES = 12


@pytest.fixture
def caller(session: Session) -> User:
    org = make_org(session)
    user = make_user(session, org, role=Role.org_admin)
    make_output(session, user, status="draft")
    make_need(session, user, status="draft")
    return user


# The schema is read from an app built at import; each example is sent to the test's own app,
# whose database session is the test's transaction.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app())


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_conforms(case: Any, app: Any, caller: User) -> None:
    checks = ALL_CHECKS
    if case.operation.label == "POST /api/auth/register" or breaks_cross_field_rule(case.body):
        checks = [c for c in ALL_CHECKS if c is not positive_data_acceptance]
    case.call_and_validate(app=app, headers=auth(caller), checks=checks)


def breaks_cross_field_rule(body: Any) -> bool:
    """Rules JSON Schema cannot state, which the API rightly answers with 422.

    positive_data_acceptance ("schema-valid data must be accepted") is skipped only for such
    bodies, and for registration: a credit code's check character (GB 32100-2015, a weighted sum
    mod 31) cannot be stated in JSON Schema either. Every other check still runs on them.
    """
    if not isinstance(body, dict):
        return False
    owners = body.get("owners")
    if isinstance(owners, list) and owners:
        shares = [o.get("share") for o in owners if isinstance(o, dict)]
        if sum(Decimal(str(s)) for s in shares if s is not None) != 100:
            return True
    if body.get("price_type") == "fixed" and body.get("asking_price") is None:
        return True
    low, high = body.get("budget_min"), body.get("budget_max")
    return low is not None and high is not None and Decimal(str(low)) > Decimal(str(high))
