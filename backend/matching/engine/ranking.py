"""Top-k retrieval over a :class:`SparseIndex` with filters applied inside the ranking.

Small corpora (or queries whose postings fit the budget) are scored exactly, term at a time. Large ones
use two stages: (1) read the postings of the query's terms rarest first under a budget, so common terms
(stop-grams such as 的 or 研) only contribute the impact-ordered prefix of their lists, and keep the
best ``candidates`` allowed documents by partial score; (2) rescore those exactly with their stored
vectors. Stage 1 also yields a bound on what any document left out could score; when the bound does not
exceed the k-th exact score the result is provably the exact top k (``SearchStats.exact``).

Filters (``allowed``) are applied to every candidate before any cut, so a selective filter never
returns fewer results than exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .index import SparseIndex
from .weighting import FloatArray, IntArray

BoolArray = npt.NDArray[np.bool_]


@dataclass
class SearchStats:
    """How a query was answered (for benchmarks and monitoring)."""

    strategy: str = "exact"
    postings_read: int = 0
    candidates: int = 0
    exact: bool = True


def _top(rows: IntArray, scores: npt.NDArray[np.floating[Any]], k: int) -> tuple[IntArray, FloatArray]:
    """Best ``k`` by score (ties broken by row for determinism), best first."""
    if rows.size > k:
        cut = np.argpartition(-scores, k - 1)[:k]
        # argpartition keeps exactly k of several tied values arbitrarily; include all ties at the cut.
        threshold = scores[cut].min()
        cut = np.flatnonzero(scores >= threshold)
        rows, scores = rows[cut], scores[cut]
    order = np.lexsort((rows, -scores))[:k]
    return rows[order], scores[order].astype(np.float32)


def _dense_query(index: SparseIndex, terms: IntArray, weights: FloatArray) -> FloatArray:
    q = np.zeros(len(index.vocab), dtype=np.float32)
    q[terms] = weights
    return q


def _accumulate(
    index: SparseIndex, terms: IntArray, weights: FloatArray, limits: IntArray
) -> tuple[npt.NDArray[np.float64], int]:
    """Partial scores of all main rows from the first ``limits[i]`` postings of each query term."""
    rows_parts, value_parts = [], []
    for t, w, m in zip(terms.tolist(), weights.tolist(), limits.tolist(), strict=True):
        if m <= 0:
            continue
        rows, data = index.postings(t)
        rows_parts.append(rows[:m])
        value_parts.append(data[:m] * np.float32(w))
    if not rows_parts:
        return np.zeros(index.n_main), 0
    rows_all = np.concatenate(rows_parts)
    # One bincount pass is several times faster than per-term fancy-index accumulation.
    acc = np.bincount(rows_all, weights=np.concatenate(value_parts), minlength=index.n_main).astype(
        np.float64, copy=False
    )
    return acc, int(rows_all.size)


def search_rows(
    index: SparseIndex,
    terms: IntArray,
    weights: FloatArray,
    k: int,
    allowed: BoolArray | None,
    min_score: float = 0.0,
) -> tuple[IntArray, FloatArray, SearchStats]:
    """Rows and cosine scores of the best ``k`` live, allowed rows with score > ``min_score``.

    ``terms``/``weights`` is a unit query vector; ``allowed`` a boolean mask over all rows (or None).
    """
    stats = SearchStats()
    eligible = index.alive if allowed is None else (index.alive & allowed[: index.alive.size])
    qdense: FloatArray | None = None
    found_rows: list[IntArray] = []
    found_scores: list[FloatArray] = []
    n_main = index.n_main
    if n_main and terms.size:
        main_eligible = eligible[:n_main]
        lengths = index.posting_lengths(terms)
        cfg = index.config
        total = int(lengths.sum())
        n_eligible = int(np.count_nonzero(main_eligible))
        avg_len = index.main.indices.size / max(n_main, 1)
        if n_main < cfg.exact_below or total <= cfg.postings_budget:
            acc, stats.postings_read = _accumulate(index, terms, weights, lengths)
            rows = np.flatnonzero(acc)
            rows = rows[main_eligible[rows]]
            r, s = _top(rows, acc[rows], k)
        elif n_eligible * avg_len <= 2 * cfg.postings_budget:
            # A selective filter: scoring the few allowed documents directly is cheaper than postings.
            stats.strategy = "filtered-scan"
            qdense = _dense_query(index, terms, weights)
            rows = np.flatnonzero(main_eligible)
            scores = (index.forward_matrix()[rows] @ qdense).astype(np.float32)
            stats.postings_read = int(n_eligible * avg_len)
            r, s = _top(rows, scores, k)
        else:
            stats.strategy = "two-stage"
            qdense = _dense_query(index, terms, weights)
            r, s = _two_stage(index, terms, weights, lengths, k, main_eligible, qdense, stats)
        found_rows.append(r)
        found_scores.append(s)
    delta = index.delta_matrix()
    if delta is not None and terms.size:
        if qdense is None:
            qdense = _dense_query(index, terms, weights)
        scores = (delta @ qdense).astype(np.float32)
        rows = np.flatnonzero(eligible[n_main:] & (scores > 0))
        r, s = _top(rows, scores[rows], k)
        found_rows.append(r + n_main)
        found_scores.append(s)
    if not found_rows:
        return np.zeros(0, np.int64), np.zeros(0, np.float32), stats
    rows_all = np.concatenate(found_rows).astype(np.int64)
    scores_all = np.concatenate(found_scores).astype(np.float32)
    keep = scores_all > min_score
    r, s = _top(rows_all[keep], scores_all[keep], k)
    return r, s.astype(np.float32), stats


def _two_stage(
    index: SparseIndex,
    terms: IntArray,
    weights: FloatArray,
    lengths: IntArray,
    k: int,
    eligible: BoolArray,
    qdense: FloatArray,
    stats: SearchStats,
) -> tuple[IntArray, FloatArray]:
    cfg = index.config
    order = np.argsort(lengths, kind="stable")
    terms, weights, lengths = terms[order], weights[order], lengths[order]
    limit_list: list[int] = []
    missing = 0.0
    remaining = cfg.postings_budget
    floor = max(cfg.candidates // 4, 1)
    n_terms = terms.size
    for i, (t, w, length) in enumerate(zip(terms.tolist(), weights.tolist(), lengths.tolist(), strict=True)):
        m = min(length, max(floor, remaining // (n_terms - i)))
        limit_list.append(m)
        remaining = max(remaining - m, 0)
        if m < length:
            # Impact order: every posting past the prefix weighs at most the last one read.
            _, data = index.postings(t)
            missing += w * float(data[m - 1] if m > 0 else data[0])
    limits = np.asarray(limit_list, dtype=np.int64)
    acc, stats.postings_read = _accumulate(index, terms, weights, limits)
    rows = np.flatnonzero(acc)
    rows = rows[eligible[rows]]
    partial = acc[rows]
    n_cand = cfg.candidates
    if rows.size > n_cand:
        cut = np.argpartition(-partial, n_cand)
        cand, next_best = rows[cut[:n_cand]], float(partial[cut[n_cand]])
    else:
        cand, next_best = rows, 0.0
    stats.candidates = int(cand.size)
    exact_scores = (index.forward_matrix()[cand] @ qdense).astype(np.float32)
    r, s = _top(cand.astype(np.int64), exact_scores, k)
    kth = float(s[-1]) if s.size >= k else 0.0
    # Stage-1 sums are float64 of float32 products, stage 2 a float32 dot product: allow rounding slack.
    stats.exact = next_best + missing <= kth + 1e-5
    if s.size < k and missing > 0.0:
        # Too few allowed documents reached through the budgeted prefixes: fall back to reading every
        # posting rather than return fewer results than exist.
        stats.strategy = "two-stage+full"
        acc, read = _accumulate(index, terms, weights, lengths)
        stats.postings_read += read
        rows = np.flatnonzero(acc)
        rows = rows[eligible[rows]]
        r, s = _top(rows, acc[rows], k)
        stats.exact = True
    return r, s
