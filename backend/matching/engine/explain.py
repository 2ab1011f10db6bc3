"""Why a document matched: the shared terms that carried the score, as readable phrases.

The cosine score is a sum over shared terms of ``query weight x document weight``, so each term's share
of the score is exact. Overlapping character n-grams are hard to read (控制, 制器, 控, 制 ...), so shared
n-grams that sit next to each other in the query are merged into the phrase they spell (控制器) and their
shares added up; jieba words and Latin words are shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .analyzer import WORD_PREFIX, display_term, runs
from .normalize import normalize


@dataclass(frozen=True)
class TermShare:
    """One readable piece of evidence: a term or phrase and its share of the score (0..1)."""

    term: str
    share: float
    contribution: float


@dataclass(frozen=True)
class Explanation:
    """The score of a (query, document) pair and the terms behind it, largest share first.

    ``terms`` lists the ``top_n`` largest pieces; ``other_share`` is what the remaining ones carried, so
    ``sum(t.share for t in terms) + other_share`` is 1 (up to rounding) whenever the score is positive.
    """

    score: float
    terms: list[TermShare] = field(default_factory=list)
    other_share: float = 0.0


def _phrases(query_texts: list[str], contributions: dict[str, float]) -> list[tuple[str, float]]:
    """Group n-gram contributions into maximal runs of the query text covered by contributing n-grams."""
    grams = {t: c for t, c in contributions.items() if not t.startswith(WORD_PREFIX)}
    used: set[str] = set()
    out: dict[str, float] = {}
    for text in query_texts:
        for cjk, run in runs(normalize(text)):
            if not cjk:
                continue
            covered = [False] * len(run)
            spans: list[tuple[int, int, str]] = []
            for n in (3, 2):
                for i in range(len(run) - n + 1):
                    g = run[i : i + n]
                    if g in grams:
                        spans.append((i, i + n, g))
                        covered[i : i + n] = [True] * n
            i = 0
            while i < len(run):
                if not covered[i]:
                    i += 1
                    continue
                j = i
                while j < len(run) and covered[j]:
                    j += 1
                phrase = run[i:j]
                inside = {g for a, b, g in spans if a >= i and b <= j}
                inside |= {ch for ch in phrase if ch in grams}
                new = inside - used
                if new:
                    out[phrase] = out.get(phrase, 0.0) + sum(grams[g] for g in new)
                    used |= new
                i = j
    for term, value in grams.items():
        if term not in used:
            out[term] = out.get(term, 0.0) + value
    for term, value in contributions.items():
        if term.startswith(WORD_PREFIX):
            out[display_term(term)] = out.get(display_term(term), 0.0) + value
    return sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))


def explain_vectors(
    query_texts: list[str],
    q_terms: np.ndarray,
    q_weights: np.ndarray,
    d_terms: np.ndarray,
    d_weights: np.ndarray,
    vocab_terms: list[str],
    top_n: int = 10,
) -> Explanation:
    """Explanation of the dot product of two sparse unit vectors (term id arrays and weights)."""
    shared, qi, di = np.intersect1d(q_terms, d_terms, assume_unique=True, return_indices=True)
    contrib = q_weights[qi].astype(np.float64) * d_weights[di].astype(np.float64)
    score = float(contrib.sum())
    if score <= 0.0:
        return Explanation(score=0.0)
    by_term = {vocab_terms[int(t)]: float(c) for t, c in zip(shared, contrib, strict=True)}
    pieces = _phrases(query_texts, by_term)
    terms = [TermShare(term=t, share=c / score, contribution=c) for t, c in pieces[:top_n]]
    rest = sum(c for _, c in pieces[top_n:]) / score
    return Explanation(score=score, terms=terms, other_share=rest)
