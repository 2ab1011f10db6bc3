"""Ablations of the engine's analysis and weighting choices on both dev sets.

Usage: .venv/bin/python -m bench.matching.ablate [--eval-dir /work/shared/eval] [VARIANT ...]

Each variant is the default ``EngineConfig`` with a few settings changed; every variant is scored with the
shared scorer (``evaluate.py``) on csl and bdci, and one table row is printed per variant.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from backend.matching.cli import run_match
from backend.matching.engine import EngineConfig

BASE = EngineConfig()


def fields(**weights: float) -> dict[str, float]:
    out = dict(BASE.field_weights)
    out.update(weights)
    return out


VARIANTS: dict[str, dict[str, Any]] = {
    "default": {},
    "chars-1-1": {"char_ngram_max": 1},
    "chars-2-2": {"char_ngram_min": 2},
    "chars-1-3": {"char_ngram_max": 3},
    "raw-tf": {"sublinear_tf": False},
    "jieba-only": {"char_ngram_min": 9, "char_ngram_max": 8, "jieba_words": True, "word_weight": 1.0},
    "fusion-0.2": {"jieba_words": True, "word_weight": 0.2},
    "fusion-0.35": {"jieba_words": True, "word_weight": 0.35},
    "fusion-0.5": {"jieba_words": True, "word_weight": 0.5},
    "title-x2": {"field_weights": fields(title=2.0)},
    "title-x0.5": {"field_weights": fields(title=0.5)},
    "prf-5-0.3": {"prf_docs": 5, "prf_weight": 0.3},
    "prf-10-0.5": {"prf_docs": 10, "prf_weight": 0.5},
}


def parse_variant(spec: str) -> dict[str, Any]:
    """A named variant, or ad-hoc overrides such as ``prf_docs=5,prf_weight=0.3,title=0.5`` (a field
    name sets that field's weight)."""
    if spec in VARIANTS:
        return VARIANTS[spec]
    overrides: dict[str, Any] = {}
    weights: dict[str, float] = {}
    for item in spec.split(","):
        key, value = item.split("=", 1)
        parsed = json.loads(value)
        if key in BASE.field_weights:
            weights[key] = float(parsed)
        else:
            overrides[key] = parsed
    if weights:
        overrides["field_weights"] = fields(**weights)
    return overrides


def score(eval_dir: Path, task: str, config: EngineConfig) -> tuple[dict[str, float], float]:
    task_dir = eval_dir / task
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", encoding="utf-8") as out:
        start = time.perf_counter()
        run_match(task_dir / "outputs.jsonl", task_dir / "needs.jsonl", 10, 0.0, out, config)
        elapsed = time.perf_counter() - start
        result = subprocess.run(
            [sys.executable, str(eval_dir / "evaluate.py"), str(task_dir), out.name],
            check=True,
            capture_output=True,
            text=True,
        )
    metrics = {}
    for line in result.stdout.splitlines():
        name, value = line.split()
        metrics[name] = float(value)
    return metrics, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    parser.add_argument("variants", nargs="*", default=list(VARIANTS))
    args = parser.parse_args()
    print("| variant | csl mrr title | csl mrr keywords | csl p@10 field | bdci ndcg@10 | seconds |")
    print("|---|---|---|---|---|---|")
    for name in args.variants:
        config = dataclasses.replace(BASE, **parse_variant(name))
        csl, t1 = score(args.eval_dir, "csl", config)
        bdci, t2 = score(args.eval_dir, "bdci", config)
        print(
            f"| {name} | {csl['mrr@10_title']:.4f} | {csl['mrr@10_keywords']:.4f} | "
            f"{csl['p@10_same_field']:.4f} | {bdci['ndcg@10']:.4f} | {t1 + t2:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
