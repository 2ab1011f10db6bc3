"""Keeping the statistics' pre-computed facts current.

``stats.refresh_facts`` recomputes what changed since the last refresh (cheap when nothing did);
``stats.rebuild_facts`` recomputes everything (nightly, after bulk loads, or after an organisation's
region or a listing's field changed, which the incremental refresh does not see). Both take the
refresh lock, so they are safe to run at any time and to repeat.
"""

from backend.stats import refresh
from workers.base import task
from workers.db import unit_of_work

REFRESH_FACTS = "stats.refresh_facts"
REBUILD_FACTS = "stats.rebuild_facts"


@task(REFRESH_FACTS)
def refresh_facts() -> bool:
    """False when it skipped: another refresh or the nightly rebuild holds the lock. Beat runs this
    every few seconds, so waiting behind a rebuild would only pile up copies; the next one catches up."""
    with unit_of_work() as session:
        if not refresh.try_lock(session):
            return False
        refresh.refresh(session)
        return True


@task(REBUILD_FACTS)
def rebuild_facts() -> None:
    with unit_of_work() as session:
        refresh.rebuild(session)
