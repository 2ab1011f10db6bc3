"""``MatchEngine``: the public face of the matching core.

Typical use from the application (one engine per direction: an outputs engine answers needs, a needs
engine answers outputs)::

    engine = MatchEngine(EngineConfig()).fit(documents)        # background job on startup / refit
    engine.add(Document("o-42", {"title": ..., "summary": ...}))  # a listing was published or edited
    engine.remove("o-17")                                       # a listing was withdrawn
    hits = engine.search({"title": need.title, "description": need.description}, top_k=10,
                         allowed=engine.mask(ids_passing_sql_filters), min_score=0.05)
    why = engine.explain({"title": ..., "description": ...}, hits[0].doc_id)
    engine.save("/var/lib/techmatch/index/outputs")             # new version, atomically current
    engine = MatchEngine.load("/var/lib/techmatch/index/outputs")

The engine is not thread-safe for writes; readers may share one engine while a single writer applies
updates between queries (or each process loads its own copy of the saved version).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .config import EngineConfig
from .explain import Explanation, explain_vectors
from .feedback import expand
from .index import SparseIndex
from .ranking import SearchStats, search_rows
from .store import current_version, load_index, save_index
from .weighting import Fields

DocId = str | int


@dataclass(frozen=True)
class RowMask:
    """Documents admitted by a filter, as a boolean array over the engine's internal rows.

    Made by :meth:`MatchEngine.mask`; valid until the next ``add``, ``compact``, ``fit`` or ``save`` (rows
    are renumbered then), which the engine checks through ``generation``.
    """

    rows: npt.NDArray[np.bool_]
    generation: int


Allowed = RowMask | Iterable[DocId] | Callable[[DocId], bool] | None


@dataclass(frozen=True)
class Document:
    """A matchable item: an id and named text fields (title, keywords, summary, description, ...)."""

    id: DocId
    fields: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], id_key: str = "id") -> Document:
        """Build from a dict such as a JSON line; every string (or list of strings) value but the id
        becomes a field, lists being joined with "；" (keyword lists)."""
        fields: dict[str, str | None] = {}
        for key, value in data.items():
            if key == id_key or value is None:
                continue
            if isinstance(value, str):
                fields[key] = value
            elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                fields[key] = "；".join(value)
        return cls(id=data[id_key], fields=fields)


@dataclass(frozen=True)
class Match:
    """One ranked result: document id and cosine similarity in [0, 1]."""

    doc_id: DocId
    score: float


class MatchEngine:
    """TF-IDF cosine matcher over a live, filterable, serialisable index. See the module docstring."""

    def __init__(self, config: EngineConfig | None = None) -> None:
        self.config = config or EngineConfig()
        self.index = SparseIndex(self.config)
        self._ids: list[DocId] = []
        self._rows: dict[DocId, int] = {}
        self.version: str | None = None
        self.last_stats = SearchStats()
        self._generation = 0

    # ----------------------------------------------------------------- collection
    def fit(self, docs: Iterable[Document], statistics: MatchEngine | None = None) -> MatchEngine:
        """Index ``docs`` from scratch and return ``self``. Later duplicates of an id replace earlier ones.

        IDF is recomputed from ``docs`` (a full refit) unless ``statistics`` is given: then that engine's
        vocabulary and IDF are reused, e.g. to rebuild from the database without changing any score.
        """
        unique: dict[DocId, Document] = {}
        for doc in docs:
            unique.pop(doc.id, None)
            unique[doc.id] = doc
        self.index.fit([d.fields for d in unique.values()], statistics.index if statistics else None)
        self._ids = list(unique)
        self._rows = {doc_id: row for row, doc_id in enumerate(self._ids)}
        self._generation += 1
        return self

    def add(self, doc: Document) -> None:
        """Index a new document, or replace the one with the same id; searchable immediately."""
        self.remove(doc.id)
        row = self.index.append(doc.fields)
        self._generation += 1
        self._ids.append(doc.id)
        self._rows[doc.id] = row

    def update(self, doc: Document) -> None:
        """Same as :meth:`add` (replace by id)."""
        self.add(doc)

    def remove(self, doc_id: DocId) -> bool:
        """Withdraw a document; returns whether it was indexed."""
        row = self._rows.pop(doc_id, None)
        if row is None:
            return False
        self.index.delete(row)
        return True

    def compact(self) -> None:
        """Merge recent additions into the main segment and reclaim removed documents' space.

        Costs a rebuild of the term-major layout (seconds at a million documents) but no re-analysis;
        searching is exact either way, only faster afterwards.
        """
        old_rows = self.index.compact()
        self._generation += 1
        self._ids = [self._ids[r] for r in old_rows.tolist()]
        self._rows = {doc_id: row for row, doc_id in enumerate(self._ids)}

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._rows

    def ids(self) -> list[DocId]:
        """Ids of the indexed documents, in internal row order (removed ones excluded)."""
        return [self._ids[r] for r in np.flatnonzero(self.index.alive).tolist()]

    # ----------------------------------------------------------------- querying
    def mask(self, allowed_ids: Iterable[DocId]) -> RowMask:
        """Boolean row mask admitting exactly ``allowed_ids`` (unknown ids are ignored); cheap to build
        from the ids a database filter returned, and reusable across queries until the next add."""
        out = np.zeros(self.index.n_rows, dtype=bool)
        rows = [self._rows[i] for i in allowed_ids if i in self._rows]
        out[rows] = True
        return RowMask(out, self._generation)

    def _resolve_allowed(self, allowed: Allowed) -> npt.NDArray[np.bool_] | None:
        if allowed is None:
            return None
        if isinstance(allowed, RowMask):
            if allowed.generation != self._generation:
                raise ValueError("stale mask: rows changed since MatchEngine.mask made it (make a new one)")
            return allowed.rows
        if callable(allowed):
            # Evaluated on every live document: fine for thousands, use a mask for large corpora.
            predicate = allowed
            return self.mask(i for i in self._rows if predicate(i)).rows
        return self.mask(allowed).rows

    def _final_query(
        self, query: Fields, mask: npt.NDArray[np.bool_] | None
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        terms, weights = self.query_vector(query)
        cfg = self.config
        if cfg.prf_docs > 0 and cfg.prf_weight > 0.0 and terms.size:
            rows, _, _ = search_rows(self.index, terms, weights, cfg.prf_docs, mask, 0.0)
            terms, weights = expand(self.index, terms, weights, rows, cfg.prf_weight, cfg.prf_terms)
        return terms, weights

    def query_vector(self, query: Fields) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """Unit TF-IDF vector (term ids, weights) of a query given as named fields."""
        vec = self.index.vectorize([query], grow=False)
        return vec.indices.astype(np.int64), vec.data

    def search(
        self,
        query: Fields,
        top_k: int = 10,
        allowed: Allowed = None,
        min_score: float = 0.0,
    ) -> list[Match]:
        """The ``top_k`` documents most similar to ``query`` (field name -> text), best first.

        ``allowed`` restricts the candidates *before* the top-k cut: a :class:`RowMask` from :meth:`mask`, an
        iterable of ids, or a predicate on ids. Only documents scoring above ``min_score`` are returned, so
        the list may be shorter than ``top_k`` (or empty for a query sharing no term with the corpus).
        """
        if top_k <= 0:
            return []
        mask = self._resolve_allowed(allowed)
        terms, weights = self._final_query(query, mask)
        rows, scores, self.last_stats = search_rows(self.index, terms, weights, top_k, mask, min_score)
        return [Match(self._ids[r], float(s)) for r, s in zip(rows.tolist(), scores.tolist(), strict=True)]

    def similar(self, doc_id: DocId, top_k: int = 10, allowed: Allowed = None, min_score: float = 0.0) -> list[Match]:
        """Documents most similar to an indexed one (itself excluded), e.g. "related outputs"."""
        row = self._rows[doc_id]
        terms, weights = self.index.row_vector(row)
        mask = self._resolve_allowed(allowed)
        mask = self.index.alive.copy() if mask is None else mask.copy()
        mask[row] = False
        rows, scores, self.last_stats = search_rows(self.index, terms.astype(np.int64), weights, top_k, mask, min_score)
        return [Match(self._ids[r], float(s)) for r, s in zip(rows.tolist(), scores.tolist(), strict=True)]

    def explain(self, query: Fields, doc_id: DocId, top_n: int = 10) -> Explanation:
        """Score of ``doc_id`` for ``query`` and the shared terms (merged into readable phrases) that
        carried it, with their share of the score."""
        q_terms, q_weights = self._final_query(query, None)
        d_terms, d_weights = self.index.row_vector(self._rows[doc_id])
        texts = [t for t in query.values() if t]
        return explain_vectors(texts, q_terms, q_weights, d_terms, d_weights, self.index.vocab.terms, top_n)

    # ----------------------------------------------------------------- persistence
    def memory_bytes(self) -> dict[str, int]:
        """Approximate memory of the index by component, plus ``total``."""
        mem = self.index.memory_bytes()
        ids = sum(len(str(i)) + 120 for i in self._ids)
        mem["ids"] = ids
        mem["total"] += ids
        return mem

    def drift(self) -> float:
        """How far document frequencies moved since the last fit (see ``SparseIndex.drift``)."""
        return self.index.drift()

    def save(self, root: str | Path) -> str:
        """Write a new version under ``root`` and make it current atomically; returns the version.

        Pending additions are compacted first. Readers that :meth:`load` concurrently get either the
        previous or the new version, never a mix.
        """
        if self.index.delta_parts or not self.index.alive.all():
            self.compact()
        self.version = save_index(Path(root), self.index, self._ids)
        return self.version

    @classmethod
    def load(cls, root: str | Path, version: str | None = None, mmap: bool = True) -> MatchEngine:
        """Load the current (or a given) version saved under ``root``. With ``mmap`` the large arrays are
        memory-mapped read-only, so processes loading the same version share one copy in the page cache
        (a later :meth:`add` copies what it changes)."""
        index, ids, loaded = load_index(Path(root), version, mmap)
        engine = cls(index.config)
        engine.index = index
        engine._ids = ids
        engine._rows = {doc_id: row for row, doc_id in enumerate(ids)}
        engine.version = loaded
        return engine

    @staticmethod
    def current_version(root: str | Path) -> str | None:
        """Version a process would get from :meth:`load` now; poll it to know when to reload."""
        return current_version(Path(root))
