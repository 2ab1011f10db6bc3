"""The live sparse index: a term-major main segment, a small delta segment and tombstones.

Layout. The main segment holds every document's unit TF-IDF vector twice: row-major (CSR, for exact
rescoring, explanations and removal) and term-major (postings per term, the transposed matrix), so a
query only reads the postings of its own terms. Within a term, postings longer than ``IMPACT_SORT_MIN``
are ordered by decreasing weight ("impact order"): reading a prefix yields the documents where the term
weighs most, which is what the budgeted first ranking stage relies on.

Updates. IDF is frozen at ``fit`` time: a new document is weighted with the fitted statistics (an unseen
term gets the IDF of a term with document frequency 0), appended to the delta segment and scored by brute
force until ``compact`` merges it into the main segment. A removal only sets a tombstone. Live document
frequencies are still maintained so ``drift`` can tell when a full refit (``fit`` on all documents, in a
background job) is worth it. Hence: after any sequence of add/update/remove, search results equal those of
an index fitted from scratch on the final documents *with the same frozen statistics* (a test checks it).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from .analyzer import Analyzer
from .config import EngineConfig
from .weighting import (
    CountBatch,
    Fields,
    FloatArray,
    IntArray,
    SparseRows,
    Vocabulary,
    concat_rows,
    count_batch,
    document_frequencies,
    smooth_idf,
    weigh,
)

IMPACT_SORT_MIN = 64
FIT_CHUNK = 20_000


def _impact_order(indptr: IntArray, rows: npt.NDArray[np.int32], data: FloatArray) -> None:
    """Sort, in place, each long posting list by decreasing weight."""
    lengths = np.diff(indptr)
    long_terms = np.flatnonzero(lengths >= IMPACT_SORT_MIN)
    if long_terms.size == 0:
        return
    # Bounded chunks of lists keep the temporary sort keys small at a million documents.
    bounds = np.cumsum(lengths[long_terms])
    chunk_ids = bounds // 16_000_000
    for chunk in np.unique(chunk_ids):
        _impact_order_terms(indptr, rows, data, long_terms[chunk_ids == chunk])


def _impact_order_terms(indptr: IntArray, rows: npt.NDArray[np.int32], data: FloatArray, long_terms: IntArray) -> None:
    starts, ends = indptr[long_terms], indptr[long_terms + 1]
    seg_len = ends - starts
    # Positions of all entries of the long lists, grouped by term.
    pos = np.repeat(starts - np.cumsum(np.concatenate([[0], seg_len[:-1]])), seg_len) + np.arange(seg_len.sum())
    term_rank = np.repeat(np.arange(long_terms.size, dtype=np.float64), seg_len)
    # data is in (0, 1], so "term rank + (1 - weight) / 2" sorts by term, then by decreasing weight.
    order = np.argsort(term_rank + (1.0 - data[pos].astype(np.float64)) * 0.5, kind="stable")
    sorted_pos = pos[order]
    rows[pos] = rows[sorted_pos]
    data[pos] = data[sorted_pos]


def csr(rows: SparseRows, n_terms: int) -> sp.csr_matrix:
    """A scipy view of row-major arrays without copying them."""
    indptr = rows.indptr
    if indptr[-1] < np.iinfo(np.int32).max:
        # scipy upcasts int32 indices to match an int64 indptr, which would copy the largest array.
        indptr = indptr.astype(np.int32)
    return sp.csr_matrix((rows.data, rows.indices, indptr), shape=(rows.n_rows, n_terms), copy=False)


class SparseIndex:
    """Vectors of a document collection, addressed by internal row numbers.

    Rows ``[0, n_main)`` are the main segment, rows ``[n_main, n_rows)`` the delta segment. Row numbers are
    stable until ``compact`` (which renumbers); callers address documents by id through ``MatchEngine``.
    """

    def __init__(self, config: EngineConfig) -> None:
        self.config = config
        self.analyzer = Analyzer(config)
        self._reset()

    def _reset(self) -> None:
        self.vocab = Vocabulary()
        self.n_fit_docs = 0
        self.idf: FloatArray = np.zeros(0, dtype=np.float32)
        self.df_live: IntArray = np.zeros(0, dtype=np.int64)
        self.main = concat_rows([])
        self.inv_indptr: IntArray = np.zeros(1, dtype=np.int64)
        self.inv_rows: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        self.inv_data: FloatArray = np.zeros(0, dtype=np.float32)
        self.delta_parts: list[SparseRows] = []
        self.alive: npt.NDArray[np.bool_] = np.zeros(0, dtype=bool)
        self._fwd: sp.csr_matrix | None = None
        self._delta: sp.csr_matrix | None = None

    # ----------------------------------------------------------------- building
    @property
    def n_main(self) -> int:
        return self.main.n_rows

    @property
    def n_rows(self) -> int:
        return self.n_main + sum(p.n_rows for p in self.delta_parts)

    def fit(self, docs: Sequence[Fields], frozen: SparseIndex | None = None) -> None:
        """Analyse and weight ``docs`` (rows 0..len-1), replacing everything, and freeze the IDF.

        With ``frozen``, reuse that index's vocabulary and IDF instead of recomputing them: the rebuilt
        index scores exactly like ``frozen`` updated incrementally to the same documents.
        """
        self._reset()
        if frozen is not None:
            self.vocab = Vocabulary(frozen.vocab.terms)
        batches: list[CountBatch] = []
        df = np.zeros(len(self.vocab), dtype=np.int64)
        for start in range(0, len(docs), FIT_CHUNK):
            batch = count_batch(self.analyzer, self.vocab, docs[start : start + FIT_CHUNK], True, self.config)
            chunk_df = document_frequencies(batch, len(self.vocab))
            df = np.concatenate([df, np.zeros(len(self.vocab) - df.size, dtype=np.int64)]) + chunk_df
            batches.append(batch)
        self.df_live = df
        if frozen is None:
            self.n_fit_docs = len(docs)
            self.idf = smooth_idf(df, self.n_fit_docs)
        else:
            self.n_fit_docs = frozen.n_fit_docs
            unseen = smooth_idf(np.zeros(len(self.vocab) - frozen.idf.size, np.int64), self.n_fit_docs)
            self.idf = np.concatenate([np.asarray(frozen.idf), unseen])
        flags = self.vocab.spaces()
        parts = []
        while batches:
            # Pop as we go so the raw counts of a chunk are freed once weighted.
            parts.append(weigh(batches.pop(0), self.idf, flags, self.config))
        self._set_main(concat_rows(parts))
        self.alive = np.ones(self.n_main, dtype=bool)

    def _set_main(self, main: SparseRows) -> None:
        self.main = main
        n_terms = len(self.vocab)
        csc = csr(main, n_terms).tocsc()
        self.inv_indptr = csc.indptr.astype(np.int64)
        self.inv_rows = csc.indices.astype(np.int32)
        self.inv_data = csc.data.astype(np.float32)
        _impact_order(self.inv_indptr, self.inv_rows, self.inv_data)
        self.delta_parts = []
        self._fwd = None
        self._delta = None

    def vectorize(self, docs: Sequence[Fields], grow: bool) -> SparseRows:
        """Vectors of ``docs`` under the frozen statistics; ``grow`` admits new terms and marks documents
        (without it the texts are weighted as queries)."""
        before = len(self.vocab)
        batch = count_batch(self.analyzer, self.vocab, docs, grow, self.config)
        if len(self.vocab) > before:
            extra = len(self.vocab) - before
            self.idf = np.concatenate([self.idf, smooth_idf(np.zeros(extra, np.int64), self.n_fit_docs)])
            self.df_live = np.concatenate([self.df_live, np.zeros(extra, dtype=np.int64)])
        return weigh(batch, self.idf, self.vocab.spaces(), self.config, query=not grow)

    def append(self, fields: Fields) -> int:
        """Add one document to the delta segment; returns its row."""
        vec = self.vectorize([fields], grow=True)
        self.delta_parts.append(vec)
        self.df_live[vec.indices] += 1
        self.alive = np.concatenate([self.alive, np.ones(1, dtype=bool)])
        self._delta = None
        return self.n_rows - 1

    def delete(self, row: int) -> None:
        """Tombstone ``row``."""
        if not self.alive[row]:
            return
        self.alive[row] = False
        terms, _ = self.row_vector(row)
        self.df_live[terms] -= 1

    def compact(self) -> npt.NDArray[np.int64]:
        """Merge the delta segment into the main one and drop tombstoned rows.

        Returns the old row numbers of the surviving rows, in their new order.
        """
        merged = concat_rows([self.main, *self.delta_parts])
        keep = np.flatnonzero(self.alive)
        lengths = np.diff(merged.indptr)[keep]
        starts = merged.indptr[keep]
        pos = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths) + np.arange(lengths.sum())
        indptr = np.zeros(keep.size + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        self._set_main(SparseRows(indptr=indptr, indices=merged.indices[pos], data=merged.data[pos]))
        self.alive = np.ones(keep.size, dtype=bool)
        return keep.astype(np.int64)

    # ----------------------------------------------------------------- access
    def row_vector(self, row: int) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """Term ids and weights of one row (main or delta)."""
        if row < self.n_main:
            return self.main.row(row)
        offset = row - self.n_main
        for part in self.delta_parts:
            if offset < part.n_rows:
                return part.row(offset)
            offset -= part.n_rows
        raise IndexError(row)

    def forward_matrix(self) -> sp.csr_matrix:
        """The main segment as a scipy CSR matrix (documents x terms), built once and cached."""
        if self._fwd is None or self._fwd.shape[1] != len(self.vocab):
            self._fwd = csr(self.main, len(self.vocab))
        return self._fwd

    def delta_matrix(self) -> sp.csr_matrix | None:
        """The delta segment as a CSR matrix, or None when empty."""
        if not self.delta_parts:
            return None
        if self._delta is None or self._delta.shape[1] != len(self.vocab):
            self._delta = csr(concat_rows(self.delta_parts), len(self.vocab))
        return self._delta

    def postings(self, term: int) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """Main-segment postings of a term (impact-ordered when long)."""
        if term + 1 >= self.inv_indptr.size:
            return self.inv_rows[:0], self.inv_data[:0]
        a, b = int(self.inv_indptr[term]), int(self.inv_indptr[term + 1])
        return self.inv_rows[a:b], self.inv_data[a:b]

    def posting_lengths(self, terms: npt.NDArray[np.int64]) -> IntArray:
        """Main-segment posting list lengths (0 for terms newer than the main segment)."""
        n = self.inv_indptr.size - 1
        inside = terms < n
        out = np.zeros(terms.size, dtype=np.int64)
        t = terms[inside]
        out[inside] = self.inv_indptr[t + 1] - self.inv_indptr[t]
        return out

    def memory_bytes(self) -> dict[str, int]:
        """Approximate resident size of the index by component (numpy buffers and the vocabulary)."""
        delta = sum(p.indptr.nbytes + p.indices.nbytes + p.data.nbytes for p in self.delta_parts)
        vocab = sum(len(t) * 4 + 100 for t in self.vocab.terms)  # str object + dict slot, roughly
        out = {
            "forward": self.main.indptr.nbytes + self.main.indices.nbytes + self.main.data.nbytes,
            "postings": self.inv_indptr.nbytes + self.inv_rows.nbytes + self.inv_data.nbytes,
            "delta": delta,
            "statistics": self.idf.nbytes + self.df_live.nbytes + self.alive.nbytes,
            "vocabulary": vocab,
        }
        out["total"] = sum(out.values())
        return out

    def drift(self) -> float:
        """Share of the live corpus's term occurrences whose document frequency moved since ``fit``,
        weighted by IDF: 0 right after ``fit``; a refit is worth it above a few per cent."""
        n_live = int(self.alive.sum())
        if n_live == 0 or self.n_fit_docs == 0:
            return 0.0 if n_live == 0 else 1.0
        current = smooth_idf(self.df_live, n_live)
        weight = self.df_live.astype(np.float64)
        total = float(weight.sum())
        if total == 0:
            return 0.0
        return float((np.abs(current - self.idf) / self.idf * weight).sum() / total)

    def analyze_counts(self, docs: Sequence[Fields]) -> CountBatch:
        """Counts of ``docs`` against the current vocabulary (no growth); used by explanations."""
        return count_batch(self.analyzer, self.vocab, docs, False, self.config)
