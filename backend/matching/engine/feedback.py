"""Pseudo-relevance feedback (Rocchio): pull the query toward its best first-pass matches.

Short queries (a title, a few keywords) share few n-grams with the documents that address the same
subject in other words; adding the centroid of the top matches brings in their vocabulary. The expansion
is capped to the heaviest terms so the second pass reads about as many postings as the first.
"""

from __future__ import annotations

import numpy as np

from .index import SparseIndex
from .weighting import FloatArray, IntArray


def expand(
    index: SparseIndex,
    terms: IntArray,
    weights: FloatArray,
    feedback_rows: IntArray,
    beta: float,
    max_new_terms: int,
) -> tuple[IntArray, FloatArray]:
    """Unit vector ``q + beta * centroid(feedback rows)``, keeping only the ``max_new_terms`` heaviest terms
    the query did not already have."""
    if feedback_rows.size == 0 or beta <= 0.0:
        return terms, weights
    parts_t = [terms]
    parts_w = [weights.astype(np.float64)]
    scale = beta / feedback_rows.size
    for row in feedback_rows.tolist():
        t, w = index.row_vector(int(row))
        parts_t.append(t.astype(np.int64))
        parts_w.append(w.astype(np.float64) * scale)
    all_t = np.concatenate(parts_t)
    uniq, inverse = np.unique(all_t, return_inverse=True)
    merged = np.bincount(inverse, weights=np.concatenate(parts_w), minlength=uniq.size)
    is_new = ~np.isin(uniq, terms)
    new_idx = np.flatnonzero(is_new)
    if new_idx.size > max_new_terms:
        drop = new_idx[np.argsort(-merged[new_idx], kind="stable")[max_new_terms:]]
        keep = np.ones(uniq.size, dtype=bool)
        keep[drop] = False
        uniq, merged = uniq[keep], merged[keep]
    norm = float(np.sqrt((merged**2).sum()))
    return uniq.astype(np.int64), (merged / norm).astype(np.float32)
