"""The review workflow: which status may follow which, and who may move it."""

from backend.listings.enums import ListingStatus as S
from backend.listings.kinds import Listing, ListingKind

# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[S], S]] = {
    "submit": (frozenset({S.draft, S.needs_revision}), S.pending_review),
    "approve": (frozenset({S.pending_review}), S.published),
    "reject": (frozenset({S.pending_review}), S.rejected),
    "revise": (frozenset({S.pending_review}), S.needs_revision),
    "withdraw": (frozenset({S.draft, S.pending_review, S.needs_revision, S.published}), S.withdrawn),
    "expire": (frozenset({S.published}), S.expired),
}

# Edits are refused once a listing has left the market for good.
EDITABLE = frozenset({S.draft, S.pending_review, S.needs_revision, S.published})


def target_status(action: str, current: str) -> S | None:
    """The status ``action`` leads to from ``current``, or None when it is not allowed."""
    sources, target = TRANSITIONS[action]
    return target if S(current) in sources else None


def missing_for_submission(kind: ListingKind, listing: Listing) -> list[str]:
    missing = []
    for name in kind.required_on_submit:
        value = getattr(listing, name)
        if value is None or value == "" or value == []:
            missing.append(name)
    return missing
