"""Each condition of a rule set, applied to a case, becomes one check: passed, failed or unknown.

A check is unknown (``passed is None``) only when the data it needs is missing; when the data that is present
already decides the condition (a contract signed after every cut-off needs no field), the check decides.
"""

from __future__ import annotations

from collections.abc import Callable

from backend.policy.engine import normalize
from backend.policy.engine.case import Case
from backend.policy.engine.detail import check_result as _check
from backend.policy.engine.detail import one_of, stated, yuan
from backend.policy.engine.detail import unknown as _unknown
from backend.policy.engine.facts import Facts
from backend.policy.engine.party_checks import (
    check_buyer_kind,
    check_buyer_region,
    check_legal_person,
    check_seller_kind,
    check_sme,
    check_years_operating,
)
from backend.policy.engine.result import CheckResult
from backend.policy.engine.ruleset import Basis, Conditions, RuleSet
from backend.policy.engine.types import LocalText


def check_validity(rules: RuleSet, case: Case) -> CheckResult | None:
    if rules.valid_from is None and rules.valid_to is None:
        return None
    period = f"{rules.valid_from or '…'} – {rules.valid_to or '…'}"
    if case.year is None:
        return _unknown("rules_in_force", f"未提供年度, 规则有效期 {period}", f"no year given; rules valid {period}")
    after_start = rules.valid_from is None or case.year >= rules.valid_from.year
    before_end = rules.valid_to is None or case.year <= rules.valid_to.year
    ok = after_start and before_end
    return _check(
        "rules_in_force",
        ok,
        f"{case.year} 年{'在' if ok else '不在'}规则有效期 {period} 内",
        f"year {case.year} is {'within' if ok else 'outside'} the rules' validity {period}",
    )


def check_contract_type(cond: Conditions, case: Case) -> CheckResult | None:
    if cond.contract_types is None:
        return None
    kind = case.contract.type if case.contract else None
    return one_of("contract_type", kind, cond.contract_types, what=LocalText(zh="合同类型", en="contract type"))


def check_registered(cond: Conditions, case: Case) -> CheckResult | None:
    if not cond.registration_required:
        return None
    return stated(
        "contract_registered",
        case.contract.registered if case.contract else None,
        claim=LocalText(zh="合同是否已认定登记", en="the contract is registered"),
        holds=LocalText(zh="技术合同已认定登记", en="the technology contract is registered"),
        fails=LocalText(zh="技术合同未认定登记", en="the technology contract is not registered"),
    )


def check_signed(cond: Conditions, case: Case) -> CheckResult | None:
    rule = cond.signed
    if rule is None:
        return None
    exceptions = "".join(f"; {e.field} {e.on_or_after}" for e in rule.exceptions)
    needs = f"{rule.on_or_after}{exceptions}"
    signed = case.contract.signed_on if case.contract else None
    if signed is None:
        return _unknown(
            "signed_on_or_after",
            f"未提供签订日期 (须不早于 {needs})",
            f"signing date not given (needs {needs})",
        )
    if signed >= rule.on_or_after:
        return _check(
            "signed_on_or_after",
            True,
            f"合同签订于 {signed}, 不早于 {rule.on_or_after}",
            f"signed on {signed}, on or after {rule.on_or_after}",
        )
    relaxing = [e for e in rule.exceptions if signed >= e.on_or_after]
    if not relaxing:
        return _check(
            "signed_on_or_after",
            False,
            f"合同签订于 {signed}, 早于 {needs}",
            f"signed on {signed}, before {needs}",
        )
    if case.field is None:
        fields = ", ".join(e.field for e in relaxing)
        return _unknown(
            "signed_on_or_after",
            f"签订于 {signed}, 早于 {rule.on_or_after}; 仅 {fields} 可放宽, 未提供领域",
            f"signed on {signed}, before {rule.on_or_after}; only {fields} may be earlier; no field given",
        )
    match = next((e for e in relaxing if normalize.field(e.field) == case.field), None)
    if match is not None:
        return _check(
            "signed_on_or_after",
            True,
            f"{match.field} 领域合同签订于 {signed}, 不早于 {match.on_or_after}",
            f"{match.field} contract signed on {signed}, on or after {match.on_or_after}",
        )
    return _check(
        "signed_on_or_after",
        False,
        f"{case.field} 领域合同签订于 {signed}, 早于 {rule.on_or_after} (例外仅适用于其他领域)",
        f"{case.field} contract signed on {signed}, before {rule.on_or_after} (exception for other fields)",
    )


def check_min_paid(cond: Conditions, facts: Facts) -> CheckResult | None:
    minimum = cond.min_paid_amount
    if minimum is None:
        return None
    paid = facts.paid.total
    if paid is None:
        reason = facts.paid.unknown_reason or LocalText(zh="实际支付额未知", en="paid amount unknown")
        return _unknown(
            "min_paid_amount",
            f"{reason.zh} (须不低于 {yuan(minimum)})",
            f"{reason.en} (needs >= {yuan(minimum)})",
        )
    ok = paid >= minimum
    return _check(
        "min_paid_amount",
        ok,
        f"实际支付 {yuan(paid)} 元, {'不低于' if ok else '低于'} {yuan(minimum)} 元",
        f"paid {yuan(paid)}, {'at least' if ok else 'below'} {yuan(minimum)}",
    )


def check_min_transaction(cond: Conditions, facts: Facts) -> CheckResult | None:
    minimum = cond.min_transaction_amount
    if minimum is None:
        return None
    amount = facts.transaction
    if amount is None:
        return _unknown("min_transaction_amount", "未提供合同金额", "contract total not given")
    ok = amount >= minimum
    return _check(
        "min_transaction_amount",
        ok,
        f"技术交易额 {yuan(amount)} 元, {'不低于' if ok else '低于'} {yuan(minimum)} 元",
        f"technology transaction amount {yuan(amount)}, {'at least' if ok else 'below'} {yuan(minimum)}",
    )


def check_new_sales(cond: Conditions, case: Case, facts: Facts) -> list[CheckResult]:
    rule = cond.new_sales
    if rule is None:
        return []
    results: list[CheckResult] = []
    sales = case.new_sales_revenue
    if rule.minimum is not None:
        if sales is None:
            results.append(
                _unknown(
                    "min_new_sales_revenue",
                    f"未提供新增销售收入 (须不低于 {yuan(rule.minimum)})",
                    f"new sales revenue not given (needs >= {yuan(rule.minimum)})",
                )
            )
        else:
            ok = sales >= rule.minimum
            results.append(
                _check(
                    "min_new_sales_revenue",
                    ok,
                    f"新增销售收入 {yuan(sales)} 元, {'不低于' if ok else '低于'} {yuan(rule.minimum)} 元",
                    f"new sales revenue {yuan(sales)}, {'at least' if ok else 'below'} {yuan(rule.minimum)}",
                )
            )
    if rule.transaction_amount_not_above:
        amount = facts.transaction
        if sales is None or amount is None:
            missing = "新增销售收入" if sales is None else "合同金额"
            missing_en = "new sales revenue" if sales is None else "contract total"
            results.append(_unknown("transaction_within_new_sales", f"未提供{missing}", f"{missing_en} not given"))
        else:
            ok = amount <= sales
            results.append(
                _check(
                    "transaction_within_new_sales",
                    ok,
                    f"技术交易额 {yuan(amount)} 元{'不高于' if ok else '高于'}新增销售收入 {yuan(sales)} 元",
                    f"technology transaction amount {yuan(amount)} is {'not above' if ok else 'above'}"
                    f" new sales revenue {yuan(sales)}",
                )
            )
    return results


# (condition and case field, rule id, then zh/en when it applies, zh/en when it does not)
_EXCLUSIONS: list[tuple[str, str, LocalText, LocalText]] = [
    (
        "related_parties",
        "no_related_parties",
        LocalText(zh="买卖双方存在隶属或关联关系", en="buyer and seller are affiliated or related"),
        LocalText(zh="买卖双方不存在隶属或关联关系", en="buyer and seller are not affiliated or related"),
    ),
    (
        "prior_public_funding",
        "no_prior_public_funding",
        LocalText(
            zh="该成果转化已获财政科技计划资助",
            en="this conversion already received government science-programme funding",
        ),
        LocalText(
            zh="该成果转化未获财政科技计划资助",
            en="this conversion received no government science-programme funding",
        ),
    ),
    (
        "result_previously_subsidised",
        "result_not_previously_subsidised",
        LocalText(zh="该成果此前已获同类补助", en="this result was already subsidised"),
        LocalText(zh="该成果此前未获同类补助", en="this result has not been subsidised before"),
    ),
]


def check_exclusions(cond: Conditions, case: Case) -> list[CheckResult]:
    results: list[CheckResult] = []
    for attribute, rule, applies, absent in _EXCLUSIONS:
        if not getattr(cond.exclusions, attribute):
            continue
        value: bool | None = getattr(case, attribute)
        if value is None:
            results.append(_unknown(rule, f"未说明是否{applies.zh}", f"not given whether {applies.en}"))
        elif value:
            results.append(_check(rule, False, f"排除: {applies.zh}", f"excluded: {applies.en}"))
        else:
            results.append(_check(rule, True, absent.zh, absent.en))
    return results


_BASIS_NAMES = {
    "paid_amount": ("实际支付额", "paid amount"),
    "transaction_amount": ("技术交易额", "technology transaction amount"),
}


def check_basis(basis: Basis | None, facts: Facts) -> CheckResult:
    """Nothing paid (or a zero contract) means nothing to subsidise; reported rather than an eligible 0.00."""
    if basis is None:
        return _unknown(
            "amount_basis",
            "计算依据取决于未知的主体类型",
            "the basis depends on a party kind that is not given",
        )
    zh, en = _BASIS_NAMES[basis]
    value = facts.basis(basis)
    if value is None:
        reason = facts.paid.unknown_reason if basis == "paid_amount" else None
        reason = reason or LocalText(zh="未提供合同金额", en="contract total not given")
        return _unknown("amount_basis", f"{zh}未知 ({reason.zh})", f"{en} unknown ({reason.en})")
    ok = value > 0
    return _check(
        "amount_basis",
        ok,
        f"{zh} {yuan(value)} 元{'' if ok else ', 无可补助金额'}",
        f"{en} {yuan(value)}{'' if ok else ': nothing to pay on'}",
    )


CaseCheck = Callable[[Conditions, Case], CheckResult | None]

CASE_CHECKS: list[CaseCheck] = [
    check_contract_type,
    check_registered,
    check_signed,
    check_buyer_kind,
    check_legal_person,
    check_buyer_region,
    check_years_operating,
    check_sme,
    check_seller_kind,
]


def run_checks(rules: RuleSet, case: Case, facts: Facts, basis: Basis | None) -> list[CheckResult]:
    cond = rules.conditions
    found: list[CheckResult | None] = [check_validity(rules, case)]
    found.extend(check(cond, case) for check in CASE_CHECKS)
    found.append(check_min_paid(cond, facts))
    found.append(check_min_transaction(cond, facts))
    found.extend(check_new_sales(cond, case, facts))
    found.extend(check_exclusions(cond, case))
    found.append(check_basis(basis, facts))
    return [check for check in found if check is not None]
