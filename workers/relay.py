"""The outbox relay: claimed rows go to the broker, then are marked published.

It runs in a thread of every worker (``OutboxPoller``, every ``outbox_poll_seconds``) and as
the task ``techmatch.outbox.relay`` on beat, for deployments that turn the thread off. When
the broker is down the rows are released with a pause and nothing is lost; when the relay dies
between publishing and marking, the claim lapses and the rows are published again, which the
idempotent consumers absorb.
"""

import logging
import threading
from typing import Any

from celery import Celery

from backend.core.config import get_settings
from backend.notifications import outbox
from workers.db import unit_of_work

log = logging.getLogger(__name__)


def relay_once(app: Celery) -> int:
    """Publish one batch; returns how many rows were published."""
    settings = get_settings()
    with unit_of_work() as session:
        rows = outbox.claim(session, batch_size=settings.outbox_batch_size, lease_seconds=60)
        items: list[tuple[int, str, list[Any], int]] = [(r.id, r.task, list(r.args), r.attempts) for r in rows]
    if not items:
        return 0
    published: list[int] = []
    error: Exception | None = None
    try:
        with app.producer_or_acquire() as producer:
            for row_id, task, args, _attempts in items:
                # retry=False: a broker outage must fail fast here and leave the row pending.
                app.send_task(task, args=args, producer=producer, retry=False)
                published.append(row_id)
    except Exception as exc:
        error = exc
    with unit_of_work() as session:
        outbox.mark_published(session, published)
        if error is not None:
            left = [row_id for row_id, *_ in items[len(published) :]]
            pause = min(30, 2 ** min(items[len(published)][3], 4))
            outbox.release(session, left, error=f"{type(error).__name__}: {error}", retry_in_seconds=pause)
    if error is not None:
        log.warning("outbox relay: broker refused after %d of %d: %s", len(published), len(items), error)
    return len(published)


def relay_all(app: Celery, *, max_batches: int = 50) -> int:
    total = 0
    for _ in range(max_batches):
        sent = relay_once(app)
        total += sent
        if sent < get_settings().outbox_batch_size:
            break
    return total


class PollerThread(threading.Thread):
    """Relay in a loop until stopped; errors are logged and the loop carries on."""

    def __init__(self, app: Celery, interval: float) -> None:
        super().__init__(name="outbox-relay", daemon=True)
        self.app = app
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                sent = relay_all(self.app)
            except Exception:
                log.exception("outbox relay failed; trying again")
                sent = 0
            if not sent:
                self.stopped.wait(self.interval)

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=10)
