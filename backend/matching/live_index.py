"""The match index kept in step with the database, shared through a versioned directory.

Every process holds one engine per direction. Before each query it applies the listings changed
since its last look (a cheap query on ``updated_at``), so a new, edited or withdrawn listing is
matched within the same request that follows the change, in every process, without a rebuild.
A full refit (a background job) saves a new version; processes notice ``CURRENT`` moved and load it.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.core.config import get_settings
from backend.core.db import utcnow
from backend.listings.enums import ListingStatus
from backend.listings.kinds import NEEDS, OUTPUTS, Listing, ListingKind
from backend.matching.documents import need_document, output_document
from backend.matching.engine.engine import Document, MatchEngine

# Rows committed late carry an older updated_at than rows already seen; look back this far each time.
LOOKBACK = timedelta(seconds=60)


def is_matchable(listing: Listing) -> bool:
    return listing.status == ListingStatus.published and listing.deleted_at is None


@dataclass
class IndexStatus:
    kind: str
    documents: int
    version: str | None
    memory_bytes: int
    drift: float


class LiveIndex:
    def __init__(self, kind: ListingKind, to_document: Callable[[Any], Document]) -> None:
        self.kind = kind
        self.to_document = to_document
        self.root = get_settings().var_dir / "index" / kind.plural
        self._lock = threading.Lock()
        self._engine: MatchEngine | None = None
        self._version: str | None = None
        self._watermark: datetime | None = None
        self._applied: dict[int, int] = {}

    def _rows(self, session: Session, since: datetime | None) -> list[Listing]:
        model = self.kind.model
        stmt = select(model)
        if since is None:
            stmt = stmt.where(model.status == ListingStatus.published, model.deleted_at.is_(None))
        else:
            stmt = stmt.where(model.updated_at >= since)
        return list(session.scalars(stmt))

    def _build(self, session: Session) -> MatchEngine:
        started = utcnow()
        rows = self._rows(session, None)
        engine = MatchEngine().fit(self.to_document(r) for r in rows)
        self._applied = {r.id: r.version for r in rows}
        self._watermark = started
        return engine

    def _load_current(self, session: Session) -> None:
        current = MatchEngine.current_version(self.root)
        if current is not None and current == self._version and self._engine is not None:
            return
        if current is None:
            if self._engine is None:
                self._engine = self._build(session)
            return
        self._engine = MatchEngine.load(self.root, current)
        self._version = current
        self._applied = {}
        self._watermark = _read_watermark(self.root, current)

    def _catch_up(self, session: Session) -> None:
        assert self._engine is not None
        started = utcnow()
        since = None if self._watermark is None else self._watermark - LOOKBACK
        rows = self._rows(session, since)
        if since is None:
            # No watermark for this version: make the engine hold exactly the published listings.
            published = {r.id for r in rows}
            for doc_id in self._engine.ids():
                if doc_id not in published:
                    self._engine.remove(doc_id)
        for row in rows:
            if self._applied.get(row.id) == row.version and since is not None:
                continue
            if is_matchable(row):
                self._engine.add(self.to_document(row))
            else:
                self._engine.remove(row.id)
            self._applied[row.id] = row.version
        self._watermark = started

    def engine(self, session: Session) -> MatchEngine:
        """The engine, up to date with every committed change this session can see."""
        with self._lock:
            self._load_current(session)
            self._catch_up(session)
            assert self._engine is not None
            return self._engine

    def refit(self, session: Session) -> str:
        """Rebuild from the database with fresh statistics and publish it as the new shared version."""
        with self._lock:
            engine = self._build(session)
            watermark = self._watermark
            version = engine.save(self.root)
            assert watermark is not None
            _write_watermark(self.root, version, watermark)
            self._engine, self._version = engine, version
            return version

    def status(self, session: Session) -> IndexStatus:
        engine = self.engine(session)
        return IndexStatus(
            kind=self.kind.plural,
            documents=len(engine),
            version=self._version,
            memory_bytes=engine.memory_bytes()["total"],
            drift=float(engine.drift()),
        )

    def reset(self) -> None:
        """Forget the in-memory engine (tests, and after the database is replaced)."""
        with self._lock:
            self._engine, self._version, self._watermark, self._applied = None, None, None, {}


def _watermark_file(root: Path, version: str) -> Path:
    return root / f"synced-{version}.txt"


def _write_watermark(root: Path, version: str, at: datetime) -> None:
    _watermark_file(root, version).write_text(at.isoformat(), encoding="utf-8")


def _read_watermark(root: Path, version: str) -> datetime | None:
    try:
        return datetime.fromisoformat(_watermark_file(root, version).read_text(encoding="utf-8").strip())
    except (FileNotFoundError, ValueError):
        return None  # unknown: the next catch-up rescans the published listings


OUTPUT_INDEX = LiveIndex(OUTPUTS, output_document)
NEED_INDEX = LiveIndex(NEEDS, need_document)
