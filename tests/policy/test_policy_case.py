"""Case input: normalisation of what may be spelt several ways, and strict refusal of malformed data."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from backend.policy.engine import Case, normalize
from backend.policy.engine.money import MoneyError, fmt_money, parse_money, parse_rate
from tests.policy.policy_cases import build_case


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("广西", "广西"),
        ("广西壮族自治区", "广西"),
        ("Guangxi Zhuang Autonomous Region", "广西"),
        ("宁夏回族自治区", "宁夏"),
        ("江西省", "江西"),
        ("福建", "福建"),
        ("北京市", "北京"),
        ("guangxi", "广西"),
    ],
)
def test_province(raw: str, canonical: str) -> None:
    assert normalize.province(raw) == canonical


@pytest.mark.parametrize(
    ("raw", "canonical"), [("南宁", "南宁"), ("南宁市", "南宁"), ("Nanning", "南宁"), ("nanning city", "南宁")]
)
def test_city(raw: str, canonical: str) -> None:
    assert normalize.city(raw) == canonical


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("license", "licence"),
        ("Licence", "licence"),
        ("技术许可", "licence"),
        ("技术开发", "development"),
        ("assignment", "transfer"),
        ("technical service", "service"),
        ("consultancy", "consulting"),
    ],
)
def test_contract_type(raw: str, canonical: str) -> None:
    assert Case.model_validate({"contract": {"type": raw}}).contract.type == canonical  # type: ignore[union-attr]


def test_amounts_from_numbers_and_strings() -> None:
    case = Case.model_validate(build_case({"contract.total": 800000, "new_sales_revenue": 1500000.5}))
    assert case.contract is not None and case.contract.total == Decimal("800000.00")
    assert case.new_sales_revenue == Decimal("1500000.50")
    assert str(case.new_sales_revenue) == "1500000.50"


def test_everything_may_be_missing() -> None:
    case = Case.model_validate({})
    assert case.buyer is None and case.payments is None and case.transaction_amount() == (None, False)


def test_null_means_missing() -> None:
    case = Case.model_validate(build_case({"buyer.sme": None, "field": None}))
    assert case.buyer is not None and case.buyer.sme is None and case.field is None


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"year": 1800}, "year"),
        ({"year": True}, "year"),
        ({"buyer.kind": "alien"}, "buyer.kind"),
        ({"seller.kind": "start_up_team"}, "seller.kind"),
        ({"buyer.sme": "yes"}, "buyer.sme"),
        ({"buyer.years_operating": -1}, "buyer.years_operating"),
        ({"contract.total": True}, "contract.total"),
        ({"contract.total": "abc"}, "contract.total"),
        ({"contract.total": "1e13"}, "contract.total"),
        ({"payments": {"amount": "1"}}, "payments"),
        ({"contract.signed_on": 20240501}, "contract.signed_on"),
        ({"already_granted_this_year": "-0.01"}, "already_granted_this_year"),
    ],
)
def test_malformed_fields_are_refused(changes: dict[str, object], where: str) -> None:
    with pytest.raises(ValidationError) as error:
        Case.model_validate(build_case(changes))
    locations = {".".join(str(p) for p in e["loc"]) for e in error.value.errors()}
    assert any(loc.startswith(where) for loc in locations), locations


def test_year_as_decimal_and_string() -> None:
    assert Case.model_validate({"year": Decimal("2025.0")}).year == 2025
    assert Case.model_validate({"year": "2025"}).year == 2025


def test_money_helpers() -> None:
    assert fmt_money(Decimal("0")) == "0.00"
    assert fmt_money(Decimal("1E+5")) == "100000.00"
    assert parse_money("1,234.5") == Decimal("1234.50")
    assert parse_rate("0.025") == Decimal("0.025")
    with pytest.raises(MoneyError):
        parse_rate("30")
    with pytest.raises(MoneyError):
        parse_money(float("nan"))
    with pytest.raises(MoneyError):
        parse_money("")
