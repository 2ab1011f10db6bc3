"""Property: the engine's amount equals a reference computed in integer fen, for every preset with figures.

The reference never touches Decimal: amounts are ints of fen, rates are integer fractions, and rounding
half up is ``(2 * numerator + denominator) // (2 * denominator)``.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from backend.policy.engine import Case, evaluate, load_preset

YUAN = 100
MAX_FEN = 10**11  # up to 1,000,000,000.00 yuan

fen = st.integers(min_value=0, max_value=MAX_FEN)
small_fen = st.integers(min_value=0, max_value=10**9)


def text(amount_fen: int) -> str:
    return f"{amount_fen // 100}.{amount_fen % 100:02d}"


def half_up(value: Fraction) -> int:
    return (2 * value.numerator + value.denominator) // (2 * value.denominator)


def marginal(basis_fen: int, bands: list[tuple[int, int | None, Fraction]]) -> int:
    total = Fraction(0)
    for lower, upper, rate in bands:
        top = basis_fen if upper is None else min(basis_fen, upper)
        total += max(0, top - lower) * rate
    return half_up(total)


def capped(amount: int, *limits: tuple[int, int]) -> int:
    for cap, granted in limits:
        amount = min(amount, max(0, cap - granted))
    return amount


def case(payments: list[tuple[int, bool]], **extra: object) -> Case:
    data: dict[str, object] = {
        "year": 2025,
        "contract": {"type": "licence", "registered": True, "total": text(sum(p for p, _ in payments) or 1)},
        "seller": {"kind": "enterprise"},
        "buyer": {"kind": "enterprise", "sme": True},
        "result_previously_subsidised": False,
        "payments": [{"paid_on": "2025-06-30", "amount": text(p), "in_equity": e} for p, e in payments],
    }
    data.update(extra)
    return Case.model_validate(data)


def engine_fen(preset: str, c: Case) -> int:
    result = evaluate(load_preset(preset), c)
    assert result.eligible, [ch for ch in result.checks if ch.passed is not True]
    assert result.amount is not None
    assert result.amount == result.amount.quantize(result.amount.__class__("0.01"))
    return int(result.amount * 100)


pay = st.lists(st.tuples(st.integers(min_value=1, max_value=MAX_FEN // 10), st.booleans()), min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(payments=pay, year_granted=small_fen)
def test_ningxia_buyer(payments: list[tuple[int, bool]], year_granted: int) -> None:
    cash = sum(p for p, equity in payments if not equity)
    equity = sum(p for p, e in payments if e)
    expected = capped(half_up(Fraction(3, 10) * cash + Fraction(3, 10) * equity), (5_000_000 * YUAN, year_granted))
    got = engine_fen("ningxia-2023-buyer", case(payments, already_granted_this_year=text(year_granted)))
    assert got == expected


@settings(max_examples=150, deadline=None)
@given(paid=fen, project=small_fen, year=small_fen, buyer=st.booleans())
def test_jiangxi(paid: int, project: int, year: int, buyer: bool) -> None:
    if paid == 0:
        return
    preset, rate, caps = (
        ("jiangxi-2020-buyer", Fraction(25, 1000), (150_000, 1_000_000))
        if buyer
        else ("jiangxi-2020-seller", Fraction(15, 1000), (100_000, 500_000))
    )
    expected = capped(half_up(paid * rate), (caps[0] * YUAN, project), (caps[1] * YUAN, year))
    c = case([(paid, False)], already_granted_for_project=text(project), already_granted_this_year=text(year))
    assert engine_fen(preset, c) == expected


@settings(max_examples=150, deadline=None)
@given(paid=st.integers(min_value=1, max_value=MAX_FEN), granted=small_fen, university=st.booleans())
def test_ningxia_seller(paid: int, granted: int, university: bool) -> None:
    expected = capped(half_up(paid * Fraction(5, 100)), (1_000_000 * YUAN, granted))
    field = "already_granted_for_result" if university else "already_granted_this_year"
    seller = {"kind": "university" if university else "enterprise"}
    c = case([(paid, False)], seller=seller, **{field: text(granted)})
    assert engine_fen("ningxia-2023-seller", c) == expected


SANMING = [
    (0, 100_000 * YUAN, Fraction(1, 100)),
    (100_000 * YUAN, 1_000_000 * YUAN, Fraction(5, 1000)),
    (1_000_000 * YUAN, None, Fraction(1, 1000)),
]
VOUCHER = [
    (0, 100_000 * YUAN, Fraction(50, 100)),
    (100_000 * YUAN, 300_000 * YUAN, Fraction(40, 100)),
    (300_000 * YUAN, 500_000 * YUAN, Fraction(30, 100)),
    (500_000 * YUAN, 1_000_000 * YUAN, Fraction(20, 100)),
]


@settings(max_examples=150, deadline=None)
@given(payments=pay, granted=st.integers(min_value=0, max_value=60_000 * YUAN))
def test_sanming(payments: list[tuple[int, bool]], granted: int) -> None:
    total = sum(p for p, _ in payments)
    expected = capped(marginal(total, SANMING), (50_000 * YUAN, granted))
    c = case(payments, already_granted_this_year=text(granted))
    assert engine_fen("sanming-2023-broker-reward", c) == expected


@settings(max_examples=150, deadline=None)
@given(
    total=st.integers(min_value=1, max_value=3_000_000 * YUAN),
    costs=st.integers(min_value=0, max_value=10**7),
    granted=st.integers(min_value=0, max_value=250_000 * YUAN),
)
def test_voucher(total: int, costs: int, granted: int) -> None:
    costs = min(costs, total - 1)
    expected = capped(marginal(total - costs, VOUCHER), (200_000 * YUAN, granted))
    c = case(
        [], contract={"total": text(total), "non_technical_costs": text(costs)}, already_granted_this_year=text(granted)
    )
    assert engine_fen("nanning-2020-innovation-voucher", c) == expected


@settings(max_examples=100, deadline=None)
@given(a=fen, b=fen)
def test_amount_never_decreases_with_the_basis(a: int, b: int) -> None:
    low, high = sorted((max(a, 1), max(b, 1)))
    for preset in ("sanming-2023-broker-reward", "jiangxi-2020-buyer", "ningxia-2023-buyer"):
        assert engine_fen(preset, case([(low, False)])) <= engine_fen(preset, case([(high, False)]))
