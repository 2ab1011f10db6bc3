"""Presets: every one loads, cites its source, round-trips through JSON, and keeps unpublished figures null."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from backend.policy.engine import (
    Case,
    RuleSet,
    RuleSetNotFound,
    dump_rule_set,
    evaluate,
    list_presets,
    load_preset,
    load_rule_set,
    preset_names,
)
from tests.policy.policy_cases import build_case

REQUIRED = {
    "nanning-2025-post-purchase",
    "ningxia-2023-buyer",
    "ningxia-2023-seller",
    "jiangxi-2020-buyer",
    "jiangxi-2020-seller",
    "sanming-2023-broker-reward",
    "nanning-2020-innovation-voucher",
    "guangxi-post-purchase",
}


def test_required_presets_exist() -> None:
    assert set(preset_names()) >= REQUIRED


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_preset_round_trips_and_cites_source(name: str) -> None:
    rules = load_preset(name)
    assert rules.name == name
    assert rules.source.document
    assert rules.title.zh and rules.title.en
    again = RuleSet.model_validate(json.loads(dump_rule_set(rules)))
    assert again == rules


def test_unpublished_figures_are_parameters() -> None:
    assert load_preset("nanning-2025-post-purchase").has_unset_parameters()
    assert load_preset("guangxi-post-purchase").has_unset_parameters()
    others = [p for p in list_presets() if p.name not in {"nanning-2025-post-purchase", "guangxi-post-purchase"}]
    assert others and not any(p.has_unset_parameters() for p in others)


def test_unknown_preset() -> None:
    with pytest.raises(RuleSetNotFound) as error:
        load_rule_set("nanning-2099")
    assert "ningxia-2023-buyer" in str(error.value)


def test_rule_set_validation() -> None:
    data = json.loads(dump_rule_set(load_preset("sanming-2023-broker-reward")))
    data["amount"]["rules"][0]["brackets"][1]["from"] = "200000.00"
    with pytest.raises(ValidationError, match="contiguous"):
        RuleSet.model_validate(data)
    data = json.loads(dump_rule_set(load_preset("jiangxi-2020-buyer")))
    data["conditions"]["min_paid"] = "1"
    with pytest.raises(ValidationError, match="min_paid"):
        RuleSet.model_validate(data)


def test_validity_period_is_checked_when_set() -> None:
    data = json.loads(dump_rule_set(load_preset("jiangxi-2020-buyer")))
    data["valid_from"], data["valid_to"] = "2023-01-01", "2024-12-31"
    rules = RuleSet.model_validate(data)
    inside = evaluate(rules, Case.model_validate(build_case({"year": 2024, "payments": []})))
    assert [c.passed for c in inside.checks if c.rule == "rules_in_force"] == [True]
    outside = evaluate(rules, Case.model_validate(build_case()))
    assert [c.passed for c in outside.checks if c.rule == "rules_in_force"] == [False]
    assert outside.amount == 0


def test_missing_documents() -> None:
    rules = load_preset("nanning-2025-post-purchase")
    plain = evaluate(rules, Case.model_validate(build_case({"contract.involves_patent": False})))
    ids = {d.id for d in plain.missing_documents}
    assert "equity_change_papers" not in ids and "cnipa_change_certificate" not in ids
    assert "audit_report" in ids
    equity = build_case({"contract.type": "transfer", "documents": ["audit_report", "application_form"]})
    equity["payments"][0]["in_equity"] = True
    ids = {d.id for d in evaluate(rules, Case.model_validate(equity)).missing_documents}
    assert {"equity_change_papers", "cnipa_change_certificate"} <= ids
    assert "audit_report" not in ids and "licence_filing_certificate" not in ids
