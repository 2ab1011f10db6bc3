"""Pure matching core: normalisation, analysis, a live term-major TF-IDF index, ranking, explanations.

Imports nothing from the web stack; see :class:`MatchEngine` for the public API.
"""

from .config import EngineConfig
from .engine import Allowed, DocId, Document, Match, MatchEngine, RowMask
from .explain import Explanation, TermShare
from .normalize import normalize
from .ranking import SearchStats

__all__ = [
    "Allowed",
    "DocId",
    "Document",
    "EngineConfig",
    "Explanation",
    "Match",
    "MatchEngine",
    "RowMask",
    "SearchStats",
    "TermShare",
    "normalize",
]
