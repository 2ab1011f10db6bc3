"""docs/policy.md's worked examples are exactly what the CLI prints, and every preset has one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from backend.policy.cli import register
from backend.policy.engine import preset_names

DOC = Path(__file__).resolve().parents[2] / "docs" / "policy.md"
EXAMPLE = re.compile(
    r"```json\n(?P<case>.*?)\n```\s*```console\n\$ techmatch policy evaluate --rules (?P<rules>\S+) case\.json"
    r" --lang en\n(?P<output>.*?)\n```",
    re.S,
)


def test_documented_examples_match_the_cli(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    text = DOC.read_text(encoding="utf-8")
    examples = list(EXAMPLE.finditer(text, text.index("### Worked examples")))
    assert {m["rules"] for m in examples} == set(preset_names())
    for match in examples:
        case = tmp_path / "case.json"
        case.write_text(match["case"], encoding="utf-8")
        result = runner.invoke(app, ["policy", "evaluate", "--rules", match["rules"], str(case), "--lang", "en"])
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout) == json.loads(match["output"]), match["rules"]
