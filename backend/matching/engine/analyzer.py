"""Turning normalised text into terms: character n-grams for CJK, words for Latin script, jieba words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from .config import EngineConfig
from .normalize import normalize

WORD_PREFIX = "w:"
"""Prefix of jieba word terms, which live in their own term space (fused with the character space)."""

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002ffff"
_RUNS = re.compile(f"([{_CJK}]+)|([^\\s{_CJK}]+)")

_jieba: Any = None


def _jieba_module() -> Any:
    global _jieba
    if _jieba is None:
        import logging

        import jieba

        # jieba logs its dictionary loading at INFO on stderr, which would pollute the CLI's output.
        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return _jieba


def is_word_term(term: str) -> bool:
    """Whether ``term`` belongs to the jieba word space."""
    return term.startswith(WORD_PREFIX)


def display_term(term: str) -> str:
    """Human-readable form of a term (without its term-space prefix)."""
    return term[len(WORD_PREFIX) :] if is_word_term(term) else term


def runs(normalized: str) -> Iterator[tuple[bool, str]]:
    """Split normalised text into ``(is_cjk, run)`` pieces."""
    for match in _RUNS.finditer(normalized):
        cjk, other = match.group(1), match.group(2)
        if cjk:
            yield True, cjk
        else:
            yield False, other


class Analyzer:
    """Produces the terms of a text according to an :class:`EngineConfig`.

    Character n-grams never cross a run boundary (punctuation, space, Latin text), because an n-gram
    spanning two clauses is not a phrase of either.
    """

    def __init__(self, config: EngineConfig) -> None:
        self.config = config
        self._lengths = range(config.char_ngram_min, config.char_ngram_max + 1)

    def terms(self, text: str | None) -> list[str]:
        """All terms of ``text`` in order of appearance, with repetitions."""
        normalized = normalize(text)
        out: list[str] = []
        if not normalized:
            return out
        for cjk, run in runs(normalized):
            if not cjk:
                if self.config.latin_words:
                    out.append(run)
                continue
            size = len(run)
            for n in self._lengths:
                if n == 1:
                    out.extend(run)
                elif size >= n:
                    out.extend([run[i : i + n] for i in range(size - n + 1)])
            if self.config.jieba_words and size >= 2:
                out.extend(WORD_PREFIX + w for w in _jieba_module().cut(run) if len(w) >= 2)
        return out

    def count(self, text: str | None) -> Counter[str]:
        """Term frequencies of ``text``."""
        return Counter(self.terms(text))
