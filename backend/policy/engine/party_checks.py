"""Checks on who the parties are: kind, legal form, region, years operating, SME status."""

from __future__ import annotations

from backend.policy.engine import normalize
from backend.policy.engine.case import Case
from backend.policy.engine.detail import check_result as _check
from backend.policy.engine.detail import one_of, stated
from backend.policy.engine.detail import unknown as _unknown
from backend.policy.engine.result import CheckResult
from backend.policy.engine.ruleset import Conditions
from backend.policy.engine.types import LocalText


def check_buyer_kind(cond: Conditions, case: Case) -> CheckResult | None:
    if cond.buyer_kinds is None:
        return None
    kind = case.buyer.kind if case.buyer else None
    return one_of("buyer_kind", kind, cond.buyer_kinds, what=LocalText(zh="买方类型", en="buyer kind"))


def check_legal_person(cond: Conditions, case: Case) -> CheckResult | None:
    if not cond.independent_legal_person_required:
        return None
    return stated(
        "buyer_independent_legal_person",
        case.buyer.independent_legal_person if case.buyer else None,
        claim=LocalText(zh="买方是否为独立法人", en="the buyer is an independent legal person"),
        holds=LocalText(zh="买方为独立法人", en="the buyer is an independent legal person"),
        fails=LocalText(zh="买方不是独立法人", en="the buyer is not an independent legal person"),
    )


def check_buyer_region(cond: Conditions, case: Case) -> CheckResult | None:
    region = cond.buyer_region
    if region is None or (region.province is None and region.city is None):
        return None
    want_province = normalize.province(region.province) if region.province else None
    want_city = normalize.city(region.city) if region.city else None
    where = "".join(x for x in (want_province, want_city) if x)
    province = case.buyer.province if case.buyer else None
    city = case.buyer.city if case.buyer else None
    if want_province and province and province != want_province:
        return _check(
            "buyer_region",
            False,
            f"买方所在省份 {province}, 须为 {where}",
            f"buyer is in {province}, needs {where}",
        )
    if want_city:
        if city is None:
            return _unknown(
                "buyer_region", f"未提供买方所在城市 (须为 {where})", f"buyer city not given (needs {where})"
            )
        ok = city == want_city
        return _check(
            "buyer_region",
            ok,
            f"买方在 {city} 经营{'' if ok else ', 不'}符合 {where} 的要求",
            f"buyer operates in {city}, {'as required' if ok else 'not in'} ({where})",
        )
    if province is None:
        return _unknown(
            "buyer_region", f"未提供买方所在省份 (须为 {where})", f"buyer province not given (needs {where})"
        )
    return _check("buyer_region", True, f"买方在 {province}", f"buyer is in {province}")


def check_years_operating(cond: Conditions, case: Case) -> CheckResult | None:
    minimum = cond.min_years_operating
    if minimum is None:
        return None
    years = case.buyer.years_operating if case.buyer else None
    if years is None:
        return _unknown(
            "buyer_years_operating",
            f"未提供经营年限 (须至少 {minimum} 年)",
            f"years operating not given (needs {minimum})",
        )
    ok = years >= minimum
    return _check(
        "buyer_years_operating",
        ok,
        f"买方经营 {years} 年, {'达到' if ok else '不足'} {minimum} 年",
        f"buyer has operated {years} years, {'at least' if ok else 'fewer than'} {minimum}",
    )


def check_sme(cond: Conditions, case: Case) -> CheckResult | None:
    if not cond.sme_required:
        return None
    buyer = case.buyer
    if cond.start_up_teams_accepted and buyer is not None and buyer.kind == "start_up_team":
        return _check("buyer_sme", True, "买方为创业团队", "the buyer is a start-up team")
    who = "中小企业或创业团队" if cond.start_up_teams_accepted else "中小企业"
    who_en = "an SME or a start-up team" if cond.start_up_teams_accepted else "an SME"
    return stated(
        "buyer_sme",
        buyer.sme if buyer else None,
        claim=LocalText(zh=f"买方是否为{who}", en=f"the buyer is {who_en}"),
        holds=LocalText(zh=f"买方是{who}", en=f"the buyer is {who_en}"),
        fails=LocalText(zh=f"买方不是{who}", en=f"the buyer is not {who_en}"),
    )


def check_seller_kind(cond: Conditions, case: Case) -> CheckResult | None:
    if cond.seller_kinds is None:
        return None
    kind = case.seller.kind if case.seller else None
    return one_of("seller_kind", kind, cond.seller_kinds, what=LocalText(zh="卖方类型", en="seller kind"))
