"""Speed benchmark: index build time, memory and filtered top-10 latency at growing corpus sizes.

Usage: .venv/bin/python -m bench.matching.speed [--sizes 10000 100000 1000000] [--queries 300]

For each size, the engine is fitted on a synthetic corpus (``corpus.py``); queries are CSL title needs and
BDCI needs (title and description), each restricted by a filter admitting 5 of 20 fields (a quarter of
the corpus). Reported beside it, in the same run: scikit-learn's TfidfVectorizer (characters 1-2) with
the plain product ``X @ q.T`` over the whole matrix, and the plain product over the engine's own matrix.
``overlap@10`` compares the engine's results with its exact (unpruned) top 10 for the same query.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from backend.matching.engine import MatchEngine
from backend.matching.engine.ranking import search_rows

from .corpus import load_pools, synthesize


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values) * 1000.0, q))


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def top10(scores: np.ndarray, mask: np.ndarray) -> np.ndarray:
    scores = np.where(mask, scores, -np.inf)
    cut = np.argpartition(-scores, 10)[:10]
    return cut[np.argsort(-scores[cut])]


def run_size(
    n: int, pools: tuple[list[str], list[str], list[dict[str, str]]], n_queries: int, sklearn: bool
) -> dict[str, Any]:
    titles, sentences, needs = pools
    docs, labels = synthesize(n, titles, sentences)
    mask = np.isin(labels, [0, 3, 7, 11, 15])
    rng = np.random.default_rng(5)
    picked = [needs[i] for i in rng.choice(len(needs), n_queries, replace=False)]
    queries = [{"title": q.get("title") or "", "description": q.get("description") or ""} for q in picked]
    out: dict[str, Any] = {"docs": n, "queries": n_queries}

    start = time.perf_counter()
    engine = MatchEngine().fit(docs)
    out["build_s"] = round(time.perf_counter() - start, 1)
    mem = engine.memory_bytes()
    out["index_mb"] = round(mem["total"] / 1e6)
    out["postings_mb"] = round(mem["postings"] / 1e6)
    out["forward_mb"] = round(mem["forward"] / 1e6)
    allowed = engine.mask(i for i in range(n) if mask[i])
    allowed_rows = allowed.rows

    for q in queries[:5]:
        engine.search(q, 10, allowed=allowed)  # warm caches (forward matrix view, pages)
    latencies, cpu, results, strategies, certified = [], [], [], {}, 0
    for q in queries:
        t, c = time.perf_counter(), time.thread_time()
        hits = engine.search(q, 10, allowed=allowed)
        latencies.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
        results.append([h.doc_id for h in hits])
        s = engine.last_stats
        strategies[s.strategy] = strategies.get(s.strategy, 0) + 1
        certified += int(s.exact)
    out["engine_p50_ms"] = round(pct(latencies, 50), 2)
    out["engine_p95_ms"] = round(pct(latencies, 95), 2)
    # CPU time of the querying thread: what latency would be without other processes competing for cores.
    out["engine_cpu_p50_ms"] = round(pct(cpu, 50), 2)
    out["engine_cpu_p95_ms"] = round(pct(cpu, 95), 2)
    out["strategies"] = strategies
    out["certified_exact"] = round(certified / len(queries), 3)

    # Exact reference with the same vectors: the plain product over the engine's own matrix.
    exact_cfg = dataclasses.replace(engine.config, exact_below=10**12)
    fwd = engine.index.forward_matrix()
    plain, overlap = [], []
    for q, got in zip(queries, results, strict=True):
        terms, weights = engine.query_vector(q)
        t = time.perf_counter()
        qdense = np.zeros(fwd.shape[1], dtype=np.float32)
        qdense[terms] = weights
        best = top10(fwd @ qdense, mask)
        plain.append(time.perf_counter() - t)
        engine.index.config = exact_cfg
        rows, _, _ = search_rows(engine.index, terms, weights, 10, allowed_rows)
        engine.index.config = engine.config
        exact_ids = set(rows.tolist())
        overlap.append(len(exact_ids & set(got)) / max(len(exact_ids), 1))
        del best
    out["own_plain_p50_ms"] = round(pct(plain, 50), 2)
    out["own_plain_p95_ms"] = round(pct(plain, 95), 2)
    out["overlap@10"] = round(float(np.mean(overlap)), 4)
    del engine, fwd, allowed
    gc.collect()

    if sklearn:
        from sklearn.feature_extraction.text import TfidfVectorizer

        start = time.perf_counter()
        vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32)
        x = vec.fit_transform(f"{d.fields['title']} {d.fields['summary']}" for d in docs)
        out["sklearn_build_s"] = round(time.perf_counter() - start, 1)
        out["sklearn_matrix_mb"] = round((x.data.nbytes + x.indices.nbytes + x.indptr.nbytes) / 1e6)
        times, cpu = [], []
        for q in queries:
            t, c = time.perf_counter(), time.thread_time()
            qv = vec.transform([f"{q['title']} {q['description']}"])
            best = top10((x @ qv.T).toarray().ravel(), mask)
            times.append(time.perf_counter() - t)
            cpu.append(time.thread_time() - c)
        out["sklearn_p50_ms"] = round(pct(times, 50), 2)
        out["sklearn_p95_ms"] = round(pct(times, 95), 2)
        out["sklearn_cpu_p50_ms"] = round(pct(cpu, 50), 2)
        out["sklearn_cpu_p95_ms"] = round(pct(cpu, 95), 2)
        out["speedup_p50_vs_sklearn"] = round(out["sklearn_p50_ms"] / out["engine_p50_ms"], 1)
        out["speedup_p95_vs_sklearn"] = round(out["sklearn_p95_ms"] / out["engine_p95_ms"], 1)
        del x, vec, best
    out["peak_rss_gb"] = round(peak_rss_gb(), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--no-sklearn", action="store_true")
    args = parser.parse_args()
    pools = load_pools(args.eval_dir)
    for n in args.sizes:
        result = run_size(n, pools, args.queries, not args.no_sklearn)
        print(json.dumps(result), flush=True)
        gc.collect()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
