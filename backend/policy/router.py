"""HTTP routes of the policy engine: the rule sets and the evaluation of a described case."""

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel

from backend.accounts.deps import CurrentUser
from backend.core.errors import ERROR_RESPONSES, NotFound
from backend.policy.engine.case import Case
from backend.policy.engine.evaluate import evaluate
from backend.policy.engine.presets import RuleSetNotFound, list_presets, load_preset
from backend.policy.engine.result import EvaluationResult
from backend.policy.engine.ruleset import RuleSet
from backend.policy.engine.types import LocalText

router = APIRouter(prefix="/policy", tags=["policy"], responses=ERROR_RESPONSES)

RuleSetName = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9\-]{0,80}$", description="Rule set name")]


class RuleSetSummary(BaseModel):
    name: str
    version: str
    title: LocalText
    kind: str
    has_unset_parameters: bool


def _rule_set(name: str) -> RuleSet:
    try:
        return load_preset(name)
    except RuleSetNotFound as missing:
        raise NotFound(str(missing), code="rule_set_not_found") from None


@router.get("/rule-sets", operation_id="listRuleSets")
def list_rule_sets(_user: CurrentUser) -> list[RuleSetSummary]:
    """The subsidy, reward and voucher rule sets, each citing its source."""
    return [
        RuleSetSummary(
            name=r.name,
            version=r.version,
            title=r.title,
            kind=str(r.kind),
            has_unset_parameters=r.has_unset_parameters(),
        )
        for r in list_presets()
    ]


@router.get("/rule-sets/{name}", operation_id="getRuleSet")
def get_rule_set(_user: CurrentUser, name: RuleSetName) -> RuleSet:
    return _rule_set(name)


@router.post("/evaluate", operation_id="evaluatePolicy")
def evaluate_case(
    _user: CurrentUser,
    case: Case,
    rules: Annotated[str, Query(pattern=r"^[a-z0-9][a-z0-9\-]{0,80}$", description="Rule set name")],
) -> EvaluationResult:
    """Evaluate a described case check by check, with the amount calculated step by step.

    The body has the same shape as the CLI's CASE.json (`techmatch policy evaluate`); see docs/policy.md.
    """
    return evaluate(_rule_set(rules), case)
