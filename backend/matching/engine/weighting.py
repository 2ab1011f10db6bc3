"""Vocabulary, term counting and TF-IDF weighting of whole batches of documents with numpy.

Documents and queries go through the same code, so a query vector is exactly what the same text would
get as a document: the property that makes cosine scores comparable in both matching directions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .analyzer import Analyzer, is_word_term, runs
from .config import EngineConfig

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]
Fields = Mapping[str, str | None]


MULTI, UNIGRAM, WORD = 0, 1, 2


def term_space(term: str) -> int:
    """Term space of a term: jieba words, single CJK characters, or the rest (longer n-grams, Latin)."""
    if is_word_term(term):
        return WORD
    if len(term) == 1 and next(runs(term))[0]:
        return UNIGRAM
    return MULTI


def space_shares(config: EngineConfig) -> FloatArray:
    """Share of each term space in a vector (indexed by space)."""
    word = config.word_weight if config.jieba_words else 0.0
    uni = config.unigram_weight
    if uni is None:
        # Unigrams and longer n-grams are weighted together, as one character space.
        return np.array([1.0 - word, 1.0 - word, word], dtype=np.float32)
    return np.array([(1.0 - word) * (1.0 - uni), (1.0 - word) * uni, word], dtype=np.float32)


class Vocabulary:
    """Term <-> id mapping that only ever grows (ids are never reused, so postings stay valid)."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        self.terms: list[str] = []
        self.index: dict[str, int] = {}
        self._spaces: list[int] = []
        self._spaces_array: npt.NDArray[np.int64] | None = None
        for term in terms:
            self.add(term)

    def __len__(self) -> int:
        return len(self.terms)

    def add(self, term: str) -> int:
        """Id of ``term``, creating it when new."""
        tid = self.index.get(term)
        if tid is None:
            tid = len(self.terms)
            self.index[term] = tid
            self.terms.append(term)
            self._spaces.append(term_space(term))
            self._spaces_array = None
        return tid

    def spaces(self) -> npt.NDArray[np.int64]:
        """Per term id, its term space (see :func:`term_space`)."""
        if self._spaces_array is None:
            self._spaces_array = np.asarray(self._spaces, dtype=np.int64)
        return self._spaces_array


@dataclass
class CountBatch:
    """Term counts of a batch of documents, one entry per (document, field, term).

    ``group`` numbers the (document, field) pairs so that each field can be normalised on its own.
    Narrow dtypes: a fit keeps the counts of the whole corpus in memory until IDF is known.
    """

    n_docs: int
    row: Int32Array
    group: Int32Array
    group_weight: FloatArray
    term: Int32Array
    count: FloatArray


def count_batch(
    analyzer: Analyzer, vocab: Vocabulary, docs: Sequence[Fields], grow: bool, config: EngineConfig
) -> CountBatch:
    """Analyse ``docs`` (each a mapping field name -> text). Unknown terms are added when ``grow``,
    dropped otherwise (a query term no document has cannot contribute to any score)."""
    rows: list[int] = []
    groups: list[int] = []
    group_weights: list[float] = []
    terms: list[int] = []
    counts: list[int] = []
    index = vocab.index
    get = index.get
    for r, fields in enumerate(docs):
        for name, text in fields.items():
            if not text:
                continue
            weight = config.weight_of(name)
            if weight <= 0.0:
                continue
            counter: Counter[str] = analyzer.count(text)
            if not counter:
                continue
            if grow:
                ids = [get(t, -1) for t in counter]
                if -1 in ids:
                    ids = [i if i >= 0 else vocab.add(t) for i, t in zip(ids, counter, strict=True)]
                values = list(counter.values())
            else:
                pairs = [(index[t], c) for t, c in counter.items() if t in index]
                if not pairs:
                    continue
                ids = [p[0] for p in pairs]
                values = [p[1] for p in pairs]
            g = len(group_weights)
            group_weights.append(weight)
            rows.extend([r] * len(ids))
            groups.extend([g] * len(ids))
            terms.extend(ids)
            counts.extend(values)
    return CountBatch(
        n_docs=len(docs),
        row=np.asarray(rows, dtype=np.int32),
        group=np.asarray(groups, dtype=np.int32),
        group_weight=np.asarray(group_weights, dtype=np.float32),
        term=np.asarray(terms, dtype=np.int32),
        count=np.asarray(counts, dtype=np.float32),
    )


def document_frequencies(batch: CountBatch, n_terms: int) -> IntArray:
    """Per term id, in how many documents of the batch it occurs (in any field)."""
    if batch.term.size == 0:
        return np.zeros(n_terms, dtype=np.int64)
    keys = np.sort(batch.row.astype(np.int64) * n_terms + batch.term)
    first = np.ones(keys.size, dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    return np.bincount(keys[first] % n_terms, minlength=n_terms).astype(np.int64)


def smooth_idf(df: npt.NDArray[np.int64], n_docs: int) -> FloatArray:
    """``ln((1 + N) / (1 + df)) + 1``: never zero, finite for unseen terms (df = 0)."""
    return (np.log((1.0 + n_docs) / (1.0 + df.astype(np.float64))) + 1.0).astype(np.float32)


@dataclass
class SparseRows:
    """Row-major sparse matrix (CSR arrays): rows are documents, columns term ids, unit-norm rows."""

    indptr: IntArray
    indices: Int32Array
    data: FloatArray

    @property
    def n_rows(self) -> int:
        return int(self.indptr.size - 1)

    def row(self, r: int) -> tuple[Int32Array, FloatArray]:
        a, b = int(self.indptr[r]), int(self.indptr[r + 1])
        return self.indices[a:b], self.data[a:b]


def weigh(
    batch: CountBatch,
    idf: FloatArray,
    spaces: npt.NDArray[np.int64],
    config: EngineConfig,
    query: bool = False,
) -> SparseRows:
    """TF-IDF vectors of a counted batch, with field weighting and jieba fusion, as unit-norm rows."""
    n_terms = idf.size
    row, group, term = batch.row.astype(np.int64), batch.group.astype(np.int64), batch.term.astype(np.int64)
    tf = batch.count.astype(np.float32)
    sublinear = config.sublinear_tf
    if query and config.query_sublinear_tf is not None:
        sublinear = config.query_sublinear_tf
    if sublinear:
        tf = (1.0 + np.log(tf)).astype(np.float32)
    w = tf * idf[term]
    share = space_shares(config)
    block = spaces[term]
    if config.unigram_weight is None:
        block = np.where(block == UNIGRAM, MULTI, block)
    key = group * 3 + block
    norms = np.sqrt(np.bincount(key, weights=w.astype(np.float64) ** 2))
    w = w / norms[key].astype(np.float32)
    # Scaling each unit block by sqrt(share) makes the dot product of two such vectors the share-weighted
    # sum of the per-space cosines (before the final normalisation).
    w = w * np.sqrt(share[block]) * batch.group_weight[batch.group]
    # Sort-based grouping of (row, term): numpy's hash-based unique is several times slower here.
    keys = row * n_terms + term
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    first = np.ones(keys.size, dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    uniq = keys[first]
    inverse = np.cumsum(first) - 1
    merged = np.bincount(inverse, weights=w[order].astype(np.float64), minlength=uniq.size)
    rows = uniq // n_terms
    row_norms = np.sqrt(np.bincount(rows, weights=merged**2, minlength=batch.n_docs))
    row_norms[row_norms == 0] = 1.0
    data = (merged / row_norms[rows]).astype(np.float32)
    indptr = np.zeros(batch.n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=batch.n_docs), out=indptr[1:])
    return SparseRows(indptr=indptr, indices=(uniq % n_terms).astype(np.int32), data=data)


def concat_rows(parts: Sequence[SparseRows]) -> SparseRows:
    """Stack row blocks vertically."""
    if not parts:
        return SparseRows(
            indptr=np.zeros(1, dtype=np.int64),
            indices=np.zeros(0, dtype=np.int32),
            data=np.zeros(0, dtype=np.float32),
        )
    offsets = np.cumsum([0] + [int(p.indptr[-1]) for p in parts])
    indptr = np.concatenate(
        [parts[0].indptr[:1]] + [p.indptr[1:] + off for p, off in zip(parts, offsets[:-1], strict=True)]
    )
    return SparseRows(
        indptr=indptr.astype(np.int64),
        indices=np.concatenate([p.indices for p in parts]),
        data=np.concatenate([p.data for p in parts]),
    )
