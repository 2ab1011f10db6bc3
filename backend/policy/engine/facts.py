"""Figures derived from a case once, so that checks and the calculation read the same numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from backend.policy.engine.case import Case, Payment
from backend.policy.engine.money import ZERO, add
from backend.policy.engine.ruleset import Basis, PaymentWindow
from backend.policy.engine.types import LocalText


@dataclass(frozen=True)
class Paid:
    """The payments that count under the rule set's window; ``total`` is None when it cannot be known."""

    total: Decimal | None
    cash: Decimal = ZERO
    equity: Decimal = ZERO
    counted: int = 0
    excluded: tuple[Payment, ...] = ()
    unknown_reason: LocalText | None = None


def counted_payments(case: Case, window: PaymentWindow) -> Paid:
    if case.payments is None:
        return Paid(total=None, unknown_reason=LocalText(zh="未提供付款记录", en="no payments given"))
    if window == "in_year" and case.year is None:
        return Paid(
            total=None,
            unknown_reason=LocalText(zh="未提供年度, 无法确定当年成交额", en="no year given to pick that year's deals"),
        )
    cash = ZERO
    equity = ZERO
    counted = 0
    excluded: list[Payment] = []
    for payment in case.payments:
        if case.year is not None:
            if payment.paid_on is None:
                if window == "in_year":
                    return Paid(
                        total=None,
                        unknown_reason=LocalText(
                            zh="有付款未注明日期, 无法确定是否属于当年",
                            en="a payment has no paid_on date, so whether it falls in the year is unknown",
                        ),
                    )
            elif payment.paid_on.year > case.year or (window == "in_year" and payment.paid_on.year < case.year):
                excluded.append(payment)
                continue
        counted += 1
        if payment.in_equity:
            equity = add(equity, payment.amount)
        else:
            cash = add(cash, payment.amount)
    return Paid(total=add(cash, equity), cash=cash, equity=equity, counted=counted, excluded=tuple(excluded))


@dataclass(frozen=True)
class Facts:
    paid: Paid
    transaction: Decimal | None
    assumptions: list[LocalText] = field(default_factory=list)

    def basis(self, basis: Basis) -> Decimal | None:
        return self.paid.total if basis == "paid_amount" else self.transaction


def derive(case: Case, window: PaymentWindow) -> Facts:
    assumptions: list[LocalText] = []
    transaction, costs_assumed = case.transaction_amount()
    if costs_assumed:
        assumptions.append(
            LocalText(
                zh="未提供非技术性费用, 按 0 计算技术交易额",
                en="non_technical_costs not given: technology transaction amount taken as the contract total",
            )
        )
    return Facts(paid=counted_payments(case, window), transaction=transaction, assumptions=assumptions)
