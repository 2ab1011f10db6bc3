"""HTTP routes of the policy engine: rule sets as data, and the evaluation of a described case."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel

from backend.accounts.deps import CurrentUser, StaffUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.policy import store
from backend.policy.engine.case import Case
from backend.policy.engine.evaluate import evaluate
from backend.policy.engine.result import EvaluationResult
from backend.policy.engine.ruleset import RuleSet
from backend.policy.engine.types import LocalText

router = APIRouter(prefix="/policy", tags=["policy"], responses=ERROR_RESPONSES)

NAME_PATTERN = r"^[a-z0-9][a-z0-9\-]{0,79}$"
RuleSetName = Annotated[str, Path(pattern=NAME_PATTERN, description="Rule set name")]


class RuleSetSummary(BaseModel):
    name: str
    version: str
    title: LocalText
    kind: str
    has_unset_parameters: bool


@router.get("/rule-sets", operation_id="listRuleSets")
def list_rule_sets(session: SessionDep, _user: CurrentUser) -> list[RuleSetSummary]:
    """The subsidy, reward and voucher rule sets (newest version of each), each citing its source."""
    return [
        RuleSetSummary(
            name=r.name,
            version=r.version,
            title=r.title,
            kind=str(r.kind),
            has_unset_parameters=r.has_unset_parameters(),
        )
        for r in store.latest_all(session)
    ]


@router.get("/rule-sets/{name}", operation_id="getRuleSet")
def get_rule_set(
    session: SessionDep,
    _user: CurrentUser,
    name: RuleSetName,
    version: Annotated[str | None, Query(max_length=40, description="A stored version; newest by default")] = None,
) -> RuleSet:
    return store.get(session, name, version)


@router.get("/rule-sets/{name}/versions", operation_id="listRuleSetVersions")
def list_versions(session: SessionDep, _user: CurrentUser, name: RuleSetName) -> list[str]:
    store.get(session, name)
    return store.versions(session, name)


@router.post("/rule-sets", status_code=status.HTTP_201_CREATED, operation_id="saveRuleSet")
def save_rule_set(session: SessionDep, reviewer: StaffUser, rules: RuleSet) -> RuleSet:
    """Add a rule set or a new version of one (reviewers). Existing versions are never changed."""
    return store.save(session, rules=rules, actor=reviewer)


@router.post("/evaluate", operation_id="evaluatePolicy")
def evaluate_case(
    session: SessionDep,
    _user: CurrentUser,
    case: Case,
    rules: Annotated[str, Query(pattern=NAME_PATTERN, description="Rule set name")],
    version: Annotated[str | None, Query(max_length=40, description="A stored version; newest by default")] = None,
) -> EvaluationResult:
    """Evaluate a described case check by check, with the amount calculated step by step.

    The body has the same shape as the CLI's CASE.json (`techmatch policy evaluate`); see docs/policy.md.
    The result names the rule set version it used.
    """
    return evaluate(store.get(session, rules, version), case)
