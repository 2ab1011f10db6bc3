"""Matching in the background: alerts for a newly published listing, and the index refit."""

from backend.matching.alerts import ALERT_TASK, REFIT_TASK, alert_new_listing, refit_if_drifted
from workers.base import task
from workers.db import unit_of_work


@task(ALERT_TASK)
def alert(kind: str, listing_id: int) -> int:
    """Idempotent: each (need, output) alert carries a dedupe key."""
    with unit_of_work() as session:
        return alert_new_listing(session, kind=kind, listing_id=listing_id)


@task(REFIT_TASK)
def refit() -> dict[str, str | None]:
    with unit_of_work() as session:
        return refit_if_drifted(session)
