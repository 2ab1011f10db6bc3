"""The policy engine's pure core: rule sets as data, cases, checks, exact amounts. No HTTP, no ORM.

Public API::

    from backend.policy.engine import Case, RuleSet, evaluate, load_rule_set
    result = evaluate(load_rule_set("ningxia-2023-buyer"), Case.model_validate(data))
"""

from backend.policy.engine.case import Case
from backend.policy.engine.evaluate import evaluate
from backend.policy.engine.presets import (
    RuleSetInvalid,
    RuleSetNotFound,
    dump_rule_set,
    list_presets,
    load_preset,
    load_rule_set,
    parse_rule_set,
    preset_names,
)
from backend.policy.engine.result import CalculationStep, CheckResult, EvaluationResult
from backend.policy.engine.ruleset import RuleSet

__all__ = [
    "CalculationStep",
    "Case",
    "CheckResult",
    "EvaluationResult",
    "RuleSet",
    "RuleSetInvalid",
    "RuleSetNotFound",
    "dump_rule_set",
    "evaluate",
    "list_presets",
    "load_preset",
    "load_rule_set",
    "parse_rule_set",
    "preset_names",
]
