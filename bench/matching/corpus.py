"""Synthetic corpora of any size built at run time from the evaluation texts (nothing is committed).

Each synthetic output gets a title drawn from the real titles (BDCI achievements, CSL paper titles), lightly
perturbed, and a summary of one to four sentences drawn from different CSL abstracts, so term statistics
(Zipfian characters, long postings for stop-grams, topical bigrams) stay realistic as the size grows.
Each output also gets one of 20 "fields" so that a filter can be applied.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from backend.matching.engine import Document

N_FIELDS = 20


def _lines(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_pools(eval_dir: Path) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """Titles, abstract sentences, and query needs (CSL title needs and BDCI needs)."""
    csl_out = _lines(eval_dir / "csl" / "outputs.jsonl")
    bdci_out = _lines(eval_dir / "bdci" / "outputs.jsonl")
    csl_needs = _lines(eval_dir / "csl" / "needs.jsonl")
    bdci_needs = _lines(eval_dir / "bdci" / "needs.jsonl")
    titles = [o["title"] for o in bdci_out if o["title"]] + [n["title"] for n in csl_needs if n["title"]]
    sentences = [s for o in csl_out for s in re.split(r"(?<=[。.；;])", o["summary"]) if len(s) >= 8]
    queries = [n for n in csl_needs if n["id"].startswith("t-")] + bdci_needs
    return titles, sentences, queries


def synthesize(n: int, titles: list[str], sentences: list[str], seed: int = 1) -> tuple[list[Document], np.ndarray]:
    """``n`` documents and their field labels (ints in [0, N_FIELDS))."""
    rng = np.random.default_rng(seed)
    title_idx = rng.integers(0, len(titles), n)
    cut = rng.integers(0, 4, n)
    n_sent = rng.integers(1, 5, n)
    sent_idx = rng.integers(0, len(sentences), (n, 4))
    docs = []
    for i in range(n):
        title = titles[title_idx[i]]
        if cut[i] == 0 and len(title) > 6:
            # Drop a character now and then so titles are not exact duplicates of each other.
            j = len(title) // 2
            title = title[:j] + title[j + 1 :]
        summary = "".join(sentences[s] for s in sent_idx[i, : n_sent[i]])
        docs.append(Document(i, {"title": title, "summary": summary}))
    return docs, rng.integers(0, N_FIELDS, n)
