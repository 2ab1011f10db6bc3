"""Settings of the engine, chosen by measurement on the evaluation sets (see ``docs/matching.md``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DEFAULT_FIELD_WEIGHTS: dict[str, float] = {
    "title": 0.5,
    "keywords": 1.0,
    "summary": 1.0,
    "description": 1.0,
    "applications": 0.5,
}


@dataclass(frozen=True)
class EngineConfig:
    """How text becomes vectors and how queries are ranked.

    Analysis:
        char_ngram_min / char_ngram_max: lengths of the character n-grams taken from runs of CJK text.
        latin_words: index runs of Latin letters and digits as whole (case-folded) words.
        jieba_words: also index jieba words (two characters or more) in a separate term space, fused with
            the character space with weight ``word_weight`` (the character space keeps ``1 - word_weight``).
        unigram_weight: when set, single CJK characters form their own space holding this share of the
            character space (normalised separately from longer n-grams); None weights them together.
    Weighting:
        sublinear_tf: use ``1 + ln(tf)`` instead of raw counts.
        query_sublinear_tf: the same for query vectors (None: as ``sublinear_tf``). Documents and queries
            play different roles: repetition inside a long need description signals what the need is
            about, repetition inside an abstract is mostly style.
        field_weights: share of each named field in a document's (and a query's) vector; each field is
            weighted and normalised on its own first, so a long description cannot drown a short title.
            Fields not listed get ``default_field_weight``.
    Feedback:
        prf_docs / prf_weight / prf_terms: Rocchio pseudo-relevance feedback; the query gets
            ``prf_weight`` times the centroid of its ``prf_docs`` best first-pass matches (at most
            ``prf_terms`` new terms). 0 documents disables it.
    Ranking (only matters on large corpora; below ``exact_below`` documents every query is exact):
        postings_budget: how many postings a query may read in its first, candidate-gathering stage.
        candidates: how many candidates the second stage rescores exactly.
    """

    char_ngram_min: int = 1
    char_ngram_max: int = 2
    latin_words: bool = True
    jieba_words: bool = False
    word_weight: float = 0.0
    unigram_weight: float | None = 0.35
    sublinear_tf: bool = True
    query_sublinear_tf: bool | None = None
    field_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_FIELD_WEIGHTS))
    default_field_weight: float = 1.0
    prf_docs: int = 0
    prf_weight: float = 0.0
    prf_terms: int = 60
    exact_below: int = 50_000
    postings_budget: int = 120_000
    candidates: int = 1_000

    def weight_of(self, field_name: str) -> float:
        """Weight of a named field (``default_field_weight`` when the field is not configured)."""
        return self.field_weights.get(field_name, self.default_field_weight)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form, stored with a saved index."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EngineConfig:
        """Inverse of :meth:`to_dict`; unknown keys are ignored so old indexes stay loadable."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)
