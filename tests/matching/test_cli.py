import json
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from backend.matching.cli import register

from .conftest import NEEDS, OUTPUTS

ROOT = Path(__file__).resolve().parents[2]


def _write(path: Path, items: list[dict[str, object]], bom: bool = False) -> Path:
    text = "\n\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n\n"
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    return path


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        pass

    register(app)
    return app


def test_match_contract(tmp_path: Path) -> None:
    outputs = _write(tmp_path / "outputs.jsonl", OUTPUTS, bom=True)
    needs = _write(tmp_path / "needs.jsonl", NEEDS)
    result = CliRunner().invoke(_app(), ["match", "--outputs", str(outputs), "--needs", str(needs), "--top-k", "3"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [line["need_id"] for line in lines] == [need["id"] for need in NEEDS]
    by_need = {line["need_id"]: line["matches"] for line in lines}
    assert by_need["n-1"][0]["output_id"] == 1
    assert by_need["n-2"][0]["output_id"] == 13
    assert by_need[3][0]["output_id"] == 7  # an int need id is echoed as an int
    assert by_need["n-4"][0]["output_id"] == 8
    for matches in by_need.values():
        assert len(matches) <= 3
        scores = [m["score"] for m in matches]
        assert scores == sorted(scores, reverse=True)
    assert by_need["n-5"] == []  # nothing shares a term with 宇宙黑洞


def test_output_file_and_errors(tmp_path: Path) -> None:
    outputs = _write(tmp_path / "outputs.jsonl", OUTPUTS)
    needs = _write(tmp_path / "needs.jsonl", NEEDS)
    target = tmp_path / "rankings.jsonl"
    runner = CliRunner()
    ok = runner.invoke(_app(), ["match", "--outputs", str(outputs), "--needs", str(needs), "--output", str(target)])
    assert ok.exit_code == 0
    assert len([line for line in target.read_text(encoding="utf-8").splitlines() if line]) == len(NEEDS)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "title": "x"}\nnot json\n', encoding="utf-8")
    failed = runner.invoke(_app(), ["match", "--outputs", str(bad), "--needs", str(needs)])
    assert failed.exit_code != 0
    assert "bad.jsonl:2" in failed.output


def test_module_entry_point(tmp_path: Path) -> None:
    outputs = _write(tmp_path / "outputs.jsonl", OUTPUTS)
    needs = _write(tmp_path / "needs.jsonl", NEEDS[:2])
    done = subprocess.run(
        [sys.executable, "-m", "backend.matching.cli", "match", "--outputs", str(outputs), "--needs", str(needs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["need_id"] for line in lines] == ["n-1", "n-2"]
