"""Text normalisation shared by documents and queries.

Both sides must be normalised identically, otherwise n-grams built from the same words would not meet.
"""

from __future__ import annotations

import re
import unicodedata

from .variants import TRADITIONAL_TO_SIMPLIFIED

# Several sources (the BDCI platform export among them) carry escaped control characters as two literal
# characters; left alone they would glue "n" onto the next Latin word.
_LITERAL_ESCAPES = re.compile(r"\\[nrt]")


# Python's ``\W`` is "not a letter or digit of any script": punctuation, symbols and separators only
# separate words; the underscore is a word character for ``re`` but not for us.
_SEPARATORS = re.compile(r"[\W_]+")


def normalize(text: str | None) -> str:
    """Return ``text`` folded for matching.

    Steps: NFKC (full-width ASCII and compatibility forms to their plain forms, e.g. ``ＡＢＣ１`` ->
    ``ABC1``), case folding, frequent traditional characters to simplified, punctuation and symbols to
    spaces, and runs of whitespace to one space. ``None`` and empty text give ``""``.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _LITERAL_ESCAPES.sub(" ", text)
    text = text.casefold().translate(TRADITIONAL_TO_SIMPLIFIED)
    return _SEPARATORS.sub(" ", text).strip()
