"""``evaluate(rules, case)``: every check, the amount with its calculation, the documents still missing."""

from __future__ import annotations

from decimal import Decimal

from backend.policy.engine.amount import compute
from backend.policy.engine.case import Case
from backend.policy.engine.checks import run_checks
from backend.policy.engine.facts import derive
from backend.policy.engine.money import ZERO
from backend.policy.engine.result import CalculationStep, EvaluationResult
from backend.policy.engine.ruleset import AmountRule, Basis, RequiredDocument, RuleSet
from backend.policy.engine.types import LocalText


def select_rule(rules: RuleSet, case: Case) -> AmountRule | None:
    """The first amount rule whose party-kind filter matches; None when a kind it needs is unknown."""
    seller_kind = case.seller.kind if case.seller else None
    buyer_kind = case.buyer.kind if case.buyer else None
    for rule in rules.amount.rules:
        if rule.applies_to_seller_kinds is not None and seller_kind not in rule.applies_to_seller_kinds:
            continue
        if rule.applies_to_buyer_kinds is not None and buyer_kind not in rule.applies_to_buyer_kinds:
            continue
        return rule
    return None


def _basis(rules: RuleSet, rule: AmountRule | None) -> Basis | None:
    bases = {r.basis for r in rules.amount.rules}
    if len(bases) == 1:
        return next(iter(bases))
    return rule.basis if rule else None


def missing_documents(rules: RuleSet, case: Case) -> list[RequiredDocument]:
    """Documents that apply to this case and are not among ``case.documents``.

    A conditional document whose condition cannot be decided (payments or the patent flag missing) is
    listed: asking for one document too many is cheaper than a rejected application.
    """
    have = {doc.strip() for doc in case.documents or []}
    contract = case.contract
    kind = contract.type if contract else None
    patent = contract.involves_patent if contract else None
    in_equity = None if case.payments is None else any(p.in_equity for p in case.payments)
    applies = {
        "always": True,
        "paid_in_equity": in_equity is not False,
        "patent_transfer": kind in (None, "transfer") and patent is not False,
        "patent_licence": kind in (None, "licence") and patent is not False,
    }
    return [doc for doc in rules.documents if applies[doc.when] and doc.id not in have]


def evaluate(rules: RuleSet, case: Case) -> EvaluationResult:
    """Evaluate ``case`` under ``rules``.

    ``eligible`` is true only when every check passed; a failed or unknown check makes it false. ``amount``
    is null when the rule set's rate or a cap is an unset parameter, "0.00" when the case is not eligible,
    and the computed amount otherwise; ``amount_if_eligible`` always carries the computed amount (when
    computable), so that a case with unknown checks still shows what it would get.
    """
    facts = derive(case, rules.amount.payments_counted)
    rule = select_rule(rules, case)
    checks = run_checks(rules, case, facts, _basis(rules, rule))
    eligible = all(check.passed is True for check in checks)

    assumptions: list[LocalText] = list(facts.assumptions)
    steps: list[CalculationStep] = []
    computed: Decimal | None = None
    if rule is None:
        steps.append(
            CalculationStep(
                step="rule",
                detail=LocalText(
                    zh="没有适用于该主体类型的计算规则",
                    en="no amount rule applies to the parties' kinds as given",
                ),
            )
        )
    else:
        outcome = compute(rule, case, facts, rules.amount.payments_counted)
        steps.extend(outcome.steps)
        assumptions.extend(outcome.assumptions)
        computed = outcome.amount

    if rules.has_unset_parameters():
        amount: Decimal | None = None
    elif eligible:
        amount = computed
    else:
        amount = ZERO

    return EvaluationResult(
        rule_set=rules.name,
        rules_version=rules.version,
        eligible=eligible,
        amount=amount,
        amount_if_eligible=computed,
        checks=checks,
        calculation=steps,
        missing_documents=missing_documents(rules, case),
        assumptions=assumptions,
        ignored_fields=case.ignored_fields(),
    )
