"""Batch matching from the command line: ``techmatch match --outputs O.jsonl --needs N.jsonl``.

This is also how matching quality is measured (``bench/matching/evaluate.py``), so it runs the very
engine the server uses, with its default configuration.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from .engine import Document, EngineConfig, MatchEngine

OUTPUT_FIELDS = ("title", "keywords", "summary", "applications", "field")
NEED_FIELDS = ("title", "keywords", "description")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """JSON objects of a JSON-lines file; tolerates a UTF-8 BOM, blank lines and CRLF line ends."""
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise typer.BadParameter(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
            if not isinstance(item, dict) or "id" not in item:
                raise typer.BadParameter(f"{path}:{number}: expected an object with an 'id'")
            yield item


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        # Keyword lists: the separator keeps n-grams from spanning two keywords.
        return "；".join(str(v) for v in value if v is not None)
    return str(value)


def to_document(item: dict[str, Any], fields: tuple[str, ...]) -> Document:
    """Document from a JSON line, keeping only the known text fields."""
    return Document(id=item["id"], fields={name: _text(item.get(name)) for name in fields if item.get(name)})


def run_match(
    outputs: Path, needs: Path, top_k: int, min_score: float, out: IO[str], config: EngineConfig | None = None
) -> int:
    """Match every need against all outputs, writing one JSON line per need; returns the need count."""
    engine = MatchEngine(config).fit(to_document(item, OUTPUT_FIELDS) for item in read_jsonl(outputs))
    count = 0
    for item in read_jsonl(needs):
        need = to_document(item, NEED_FIELDS)
        hits = engine.search(need.fields, top_k=top_k, min_score=min_score)
        line = {
            "need_id": need.id,
            "matches": [{"output_id": h.doc_id, "score": round(h.score, 6)} for h in hits],
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count


def register(app: typer.Typer) -> None:
    """Add the ``match`` command to ``app`` (the project's ``techmatch`` CLI calls this)."""

    @app.command("match")
    def match(
        outputs: Annotated[
            Path,
            typer.Option(
                "--outputs",
                help="Research outputs, JSON lines with id, title, summary (optional keywords, applications, field).",
                exists=True,
                dir_okay=False,
                readable=True,
            ),
        ],
        needs: Annotated[
            Path,
            typer.Option(
                "--needs",
                help="Technology needs, JSON lines with id, title, description.",
                exists=True,
                dir_okay=False,
                readable=True,
            ),
        ],
        top_k: Annotated[int, typer.Option("--top-k", min=1, help="Matches per need.")] = 10,
        min_score: Annotated[
            float,
            typer.Option("--min-score", min=0.0, max=1.0, help="Drop matches scoring at or below it."),
        ] = 0.0,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", dir_okay=False, help="Write here instead of stdout.")
        ] = None,
    ) -> None:
        """Rank research outputs for every technology need.

        Prints one JSON line per need, in the order of the needs file:
        {"need_id": ..., "matches": [{"output_id": ..., "score": ...}, ...]}, best match first. Scores are
        TF-IDF cosine similarities in [0, 1]; ids are echoed as given (string or number).
        """
        if output is None:
            n = run_match(outputs, needs, top_k, min_score, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as handle:
                n = run_match(outputs, needs, top_k, min_score, handle)
            typer.echo(f"matched {n} needs -> {output}", err=True)


def build_app() -> typer.Typer:
    """A stand-alone app with only the ``match`` command (for ``python -m backend.matching.cli``)."""
    app = typer.Typer(help="techmatch matching tools", no_args_is_help=True)

    @app.callback()
    def _root() -> None:
        """Matching tools (the full ``techmatch`` CLI has more commands)."""

    register(app)
    return app


if __name__ == "__main__":
    build_app()()
