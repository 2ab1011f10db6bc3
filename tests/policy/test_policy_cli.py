"""The CLI contract: one JSON object on stdout with eligible, amount, checks first; errors on stderr, exit 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from backend.policy.cli import register
from backend.policy.engine import dump_rule_set, load_preset, preset_names
from tests.policy.policy_cases import build_case, paid


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _write(tmp_path: Path, data: Any, name: str = "case.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_evaluate_prints_the_contract(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    case = _write(tmp_path, build_case({"contract.type": "licence"}))
    result = runner.invoke(app, ["policy", "evaluate", "--rules", "ningxia-2023-buyer", case])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert list(out)[:3] == ["eligible", "amount", "checks"]
    assert out["eligible"] is True
    assert out["amount"] == "150000.00"
    for check in out["checks"]:
        assert set(check) == {"rule", "passed", "detail"}
        assert isinstance(check["detail"], str)
        assert check["passed"] in (True, False, None)
    assert out["rules_version"] == "2023.1"
    assert any(step["step"] == "cap_beneficiary_year" for step in out["calculation"])


def test_amount_null_when_rate_is_a_parameter(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    case = _write(tmp_path, build_case())
    result = runner.invoke(app, ["policy", "evaluate", "--rules", "nanning-2025-post-purchase", case])
    out = json.loads(result.stdout)
    assert out["eligible"] is True
    assert out["amount"] is None
    assert all(check["passed"] is True for check in out["checks"])


def test_lang_option(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    case = _write(tmp_path, build_case({"contract.registered": False}))
    zh = runner.invoke(app, ["policy", "evaluate", "--rules", "sanming-2023-broker-reward", "--lang", "zh", case])
    en = runner.invoke(app, ["policy", "evaluate", "--rules", "sanming-2023-broker-reward", "--lang", "en", case])
    both = runner.invoke(app, ["policy", "evaluate", "--rules", "sanming-2023-broker-reward", case])
    details = [json.loads(r.stdout)["checks"][0]["detail"] for r in (zh, en, both)]
    assert details[0] == "技术合同未认定登记"
    assert details[1] == "the technology contract is not registered"
    assert details[2] == f"{details[1]} / {details[0]}"


def test_numbers_are_read_exactly(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    # 0.1 + 0.2 in floats is 0.30000000000000004: the CLI must read the JSON text, not a float.
    text = json.dumps(build_case({"payments": []}))
    text = text.replace(
        '"payments": []',
        '"payments": [{"paid_on": "2025-01-01", "amount": 100000.1}, {"paid_on": "2025-01-02", "amount": 100000.2}]',
    )
    case = _write(tmp_path, text)
    result = runner.invoke(app, ["policy", "evaluate", "--rules", "jiangxi-2020-buyer", case])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["amount"] == "5000.01"  # 200000.30 x 2.5% = 5000.0075


def test_rules_from_a_file(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    data = json.loads(dump_rule_set(load_preset("nanning-2025-post-purchase")))
    data["name"] = "nanning-2025-with-rate"
    data["amount"]["rules"][0]["rate"] = "0.10"
    rules = _write(tmp_path, data, "rules.json")
    case = _write(tmp_path, build_case({"payments": paid("300000.00")}))
    result = runner.invoke(app, ["policy", "evaluate", "--rules", rules, case])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["amount"] == "30000.00"


def test_stdin(app: typer.Typer, runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["policy", "evaluate", "--rules", "jiangxi-2020-seller", "-"], input=json.dumps(build_case())
    )
    assert json.loads(result.stdout)["amount"] == "7500.00"


def test_unknown_rule_set_lists_the_known(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    case = _write(tmp_path, build_case())
    result = runner.invoke(app, ["policy", "evaluate", "--rules", "nope", case])
    assert result.exit_code == 2
    assert result.stdout == ""
    for name in preset_names():
        assert name in result.stderr


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps(build_case({"contract.type": "lease"})), "contract.type"),
        (json.dumps(build_case({"contract.total": "-5"})), "negative"),
        (json.dumps(build_case({"payments": paid("1.005")})), "two decimals"),
        (json.dumps(build_case({"contract.signed_on": "01/05/2024"})), "contract.signed_on"),
        (json.dumps(build_case({"year": "last year"})), "year"),
        (json.dumps(build_case({"related_parties": "no"})), "related_parties"),
        (json.dumps(build_case({"contract.non_technical_costs": "900000.00"})), "exceed"),
        (json.dumps(build_case({"payments": [{"paid_on": "2025-01-01"}]})), "payments.0.amount"),
    ],
)
def test_bad_case_exits_2(app: typer.Typer, runner: CliRunner, tmp_path: Path, content: str, needle: str) -> None:
    case = _write(tmp_path, content)
    result = runner.invoke(app, ["policy", "evaluate", "--rules", "jiangxi-2020-buyer", case])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert needle in result.stderr


def test_missing_file_and_bad_rules_file(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["policy", "evaluate", "--rules", "jiangxi-2020-buyer", str(tmp_path / "x.json")])
    assert missing.exit_code == 2
    assert "cannot read" in missing.stderr
    bad_rules = _write(tmp_path, {"name": "x"}, "rules.json")
    case = _write(tmp_path, build_case())
    invalid = runner.invoke(app, ["policy", "evaluate", "--rules", bad_rules, case])
    assert invalid.exit_code == 2
    assert "invalid" in invalid.stderr


def test_bad_lang_and_missing_rules(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    case = _write(tmp_path, build_case())
    assert (
        runner.invoke(app, ["policy", "evaluate", "--rules", "jiangxi-2020-buyer", "--lang", "fr", case]).exit_code == 2
    )
    assert runner.invoke(app, ["policy", "evaluate", case]).exit_code == 2


def test_unknown_fields_warn_on_stderr(app: typer.Typer, runner: CliRunner, tmp_path: Path) -> None:
    case = _write(tmp_path, build_case({"note": "hello", "buyer.colour": "red"}))
    result = runner.invoke(app, ["policy", "evaluate", "--rules", "jiangxi-2020-buyer", case])
    assert result.exit_code == 0
    assert "note" in result.stderr and "buyer.colour" in result.stderr
    assert json.loads(result.stdout)["ignored_fields"] == ["note", "buyer.colour"]


def test_list_and_show(app: typer.Typer, runner: CliRunner) -> None:
    listed = runner.invoke(app, ["policy", "list"])
    assert listed.exit_code == 0
    for name in preset_names():
        assert name in listed.stdout
    assert "南科规〔2025〕3号" in listed.stdout
    rows = json.loads(runner.invoke(app, ["policy", "list", "--json"]).stdout)
    assert {row["name"]: row["amount_is_parameter"] for row in rows}["guangxi-post-purchase"] is True
    shown = runner.invoke(app, ["policy", "show", "sanming-2023-broker-reward"])
    assert json.loads(shown.stdout)["amount"]["rules"][0]["brackets"][1]["from"] == "100000.00"
    assert runner.invoke(app, ["policy", "show", "nope"]).exit_code == 2
