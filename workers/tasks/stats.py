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
def refresh_facts() -> None:
    with unit_of_work() as session:
        refresh.refresh(session)


@task(REBUILD_FACTS)
def rebuild_facts() -> None:
    with unit_of_work() as session:
        refresh.rebuild(session)
