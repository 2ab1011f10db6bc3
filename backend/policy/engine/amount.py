"""The amount, step by step: basis, rate or brackets, rounding to the fen, then each cap in its stated order.

Rounding happens once, after the rate or the brackets: rounding each bracket would let the fen drift from
the exact figure. Caps and amounts already granted are whole fen, so nothing after that needs rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from backend.policy.engine.case import Case
from backend.policy.engine.detail import yuan
from backend.policy.engine.facts import Facts
from backend.policy.engine.money import ZERO, add, fmt_exact, fmt_percent, mul, quantize_fen, sub
from backend.policy.engine.result import CalculationStep
from backend.policy.engine.ruleset import AmountRule, Cap, PaymentWindow
from backend.policy.engine.types import LocalText


@dataclass(frozen=True)
class Outcome:
    amount: Decimal | None
    steps: list[CalculationStep]
    assumptions: list[LocalText]


def _step(step: str, zh: str, en: str, value: Decimal | None = None) -> CalculationStep:
    return CalculationStep(step=step, detail=LocalText(zh=zh, en=en), value=value)


def _basis_step(rule: AmountRule, facts: Facts, window: PaymentWindow, case: Case) -> CalculationStep:
    if rule.basis == "transaction_amount":
        return _step(
            "basis",
            "计算依据: 技术交易额 (合同总额 - 非技术性费用)",
            "basis: technology transaction amount (total - non-technical costs)",
            facts.transaction,
        )
    paid = facts.paid
    if window == "in_year":
        zh, en = (
            f"计算依据: {case.year} 年内实际成交 (付款) 合计",
            f"basis: actual deals (payments) in {case.year}",
        )
    elif case.year is not None:
        zh, en = (
            f"计算依据: 截至 {case.year} 年底的实际支付额",
            f"basis: amount actually paid up to the end of {case.year}",
        )
    else:
        zh, en = "计算依据: 实际支付额", "basis: amount actually paid"
    if paid.excluded:
        zh += f" (不计入期外付款 {len(paid.excluded)} 笔)"
        en += f" ({len(paid.excluded)} payment(s) outside the period not counted)"
    return _step("basis", zh, en, paid.total)


def _flat(rule: AmountRule, facts: Facts, basis: Decimal) -> tuple[Decimal | None, list[CalculationStep]]:
    if rule.rate is None:
        return None, [
            _step(
                "rate",
                "比例未公布 (待主管部门设定的参数), 金额未知",
                "rate not published (a parameter the administering department sets): amount unknown",
            )
        ]
    if rule.basis == "paid_amount" and facts.paid.equity > 0:
        equity_rate = rule.equity_rate if rule.equity_rate is not None else rule.rate
        cash_part = mul(facts.paid.cash, rule.rate)
        equity_part = mul(facts.paid.equity, equity_rate)
        equity_text = fmt_exact(equity_part)
        steps = [
            _step(
                "rate",
                f"现金支付 {yuan(facts.paid.cash)} × {fmt_percent(rule.rate)} = {fmt_exact(cash_part)}",
                f"cash paid {yuan(facts.paid.cash)} × {fmt_percent(rule.rate)} = {fmt_exact(cash_part)}",
            ),
            _step(
                "equity_rate",
                f"作价入股实缴 {yuan(facts.paid.equity)} × {fmt_percent(equity_rate)} = {equity_text}",
                f"paid-in equity {yuan(facts.paid.equity)} × {fmt_percent(equity_rate)} = {equity_text}",
            ),
        ]
        return add(cash_part, equity_part), steps
    product = mul(basis, rule.rate)
    return product, [
        _step(
            "rate",
            f"{yuan(basis)} × {fmt_percent(rule.rate)} = {fmt_exact(product)}",
            f"{yuan(basis)} × {fmt_percent(rule.rate)} = {fmt_exact(product)}",
        )
    ]


def _brackets(rule: AmountRule, basis: Decimal) -> tuple[Decimal | None, list[CalculationStep]]:
    assert rule.brackets is not None
    total: Decimal | None = ZERO
    steps: list[CalculationStep] = []
    for index, bracket in enumerate(rule.brackets, start=1):
        top = basis if bracket.upper is None else min(basis, bracket.upper)
        part = max(ZERO, sub(top, bracket.lower))
        band = f"{yuan(bracket.lower)} – {yuan(bracket.upper) if bracket.upper is not None else '∞'}"
        if bracket.rate is None:
            steps.append(
                _step(
                    f"bracket_{index}",
                    f"第 {index} 档 {band}: 比例未公布, 金额未知",
                    f"bracket {index} {band}: rate not published, amount unknown",
                )
            )
            total = None
            continue
        product = mul(part, bracket.rate)
        steps.append(
            _step(
                f"bracket_{index}",
                f"第 {index} 档 {band}: {yuan(part)} × {fmt_percent(bracket.rate)} = {fmt_exact(product)}",
                f"bracket {index} {band}: {yuan(part)} × {fmt_percent(bracket.rate)} = {fmt_exact(product)}",
            )
        )
        if total is not None:
            total = add(total, product)
    last = rule.brackets[-1].upper
    if last is not None and basis > last:
        steps.append(
            _step(
                "above_brackets",
                f"超过 {yuan(last)} 的部分不计",
                f"the part above {yuan(last)} earns nothing",
            )
        )
    return total, steps


_CAP_NAMES = {
    "project": ("每个项目", "per project", "already_granted_for_project"),
    "beneficiary_year": ("每年每个受益主体", "per beneficiary per year", "already_granted_this_year"),
    "result": ("每项成果 (累计)", "per result (cumulative)", "already_granted_for_result"),
}


def _apply_cap(
    cap: Cap, amount: Decimal, case: Case, assumptions: list[LocalText]
) -> tuple[Decimal | None, CalculationStep]:
    zh, en, attribute = _CAP_NAMES[cap.scope]
    if cap.amount is None:
        return None, _step(
            f"cap_{cap.scope}", f"上限 ({zh}) 未公布, 金额未知", f"cap {en} not published: amount unknown"
        )
    granted: Decimal | None = getattr(case, attribute)
    if granted is None:
        granted = ZERO
        assumptions.append(LocalText(zh=f"未提供 {attribute}, 按 0 计", en=f"{attribute} not given: taken as 0.00"))
    remaining = max(ZERO, sub(cap.amount, granted))
    capped = min(amount, remaining)
    if granted > 0:
        taking = f"min({yuan(amount)}, {yuan(remaining)}) = {yuan(capped)}"
        detail_zh = f"上限 {yuan(cap.amount)} ({zh}) - 已获 {yuan(granted)} = 剩余额度 {yuan(remaining)}; 取 {taking}"
        detail_en = (
            f"cap {yuan(cap.amount)} {en} - already granted {yuan(granted)}"
            f" = remaining allowance {yuan(remaining)}; {taking}"
        )
    else:
        detail_zh = f"上限 {yuan(cap.amount)} ({zh}); 取 min({yuan(amount)}, {yuan(cap.amount)}) = {yuan(capped)}"
        detail_en = f"cap {yuan(cap.amount)} {en}; min({yuan(amount)}, {yuan(cap.amount)}) = {yuan(capped)}"
    return capped, _step(f"cap_{cap.scope}", detail_zh, detail_en, capped)


def compute(rule: AmountRule, case: Case, facts: Facts, window: PaymentWindow) -> Outcome:
    steps: list[CalculationStep] = []
    assumptions: list[LocalText] = []
    if rule.label is not None:
        steps.append(_step("rule", rule.label.zh, rule.label.en))
    steps.append(_basis_step(rule, facts, window, case))
    basis = facts.basis(rule.basis)
    if basis is None:
        steps.append(_step("amount", "计算依据未知, 无法计算金额", "basis unknown: no amount can be computed"))
        return Outcome(None, steps, assumptions)
    raw, formula_steps = _brackets(rule, basis) if rule.brackets is not None else _flat(rule, facts, basis)
    steps.extend(formula_steps)
    if raw is None:
        return Outcome(None, steps, assumptions)
    amount: Decimal | None = quantize_fen(raw)
    steps.append(
        _step(
            "rounded",
            f"按 ROUND_HALF_UP 取整到分: {fmt_exact(raw)} → {yuan(quantize_fen(raw))}",
            f"rounded half-up to the fen: {fmt_exact(raw)} → {yuan(quantize_fen(raw))}",
            amount,
        )
    )
    for cap in rule.caps:
        if amount is None:
            break
        amount, cap_step = _apply_cap(cap, amount, case, assumptions)
        steps.append(cap_step)
    if amount is not None:
        steps.append(_step("amount", f"金额 {yuan(amount)} 元", f"amount {yuan(amount)}", amount))
    return Outcome(amount, steps, assumptions)
