"""Run the batch CLI on both dev sets and score the rankings with the shared scorer.

Usage: .venv/bin/python -m bench.matching.evaluate [--eval-dir /work/shared/eval] [--keep DIR]

Runs exactly the command the contract fixes (``match --outputs ... --needs ... --top-k 10``), through
``python -m backend.matching.cli`` so that it works before the project's ``techmatch`` script exists.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    parser.add_argument("--keep", type=Path, help="Directory to keep the rankings in.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for task in ("csl", "bdci"):
            task_dir = args.eval_dir / task
            rankings = out_dir / f"{task}.jsonl"
            command = [
                sys.executable, "-m", "backend.matching.cli", "match",
                "--outputs", str(task_dir / "outputs.jsonl"),
                "--needs", str(task_dir / "needs.jsonl"),
                "--top-k", "10",
                "--output", str(rankings),
            ]  # fmt: skip
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            print(f"# {task}: CLI ran in {elapsed:.1f} s", flush=True)
            subprocess.run(
                [sys.executable, str(args.eval_dir / "evaluate.py"), str(task_dir), str(rankings)], check=True
            )


if __name__ == "__main__":
    main()
