"""The Celery app: ``celery -A workers.app worker --pool threads --concurrency 2``.

The broker comes from settings: kombu's SQLAlchemy transport on SQLite in the embedded run,
Redis in production, RabbitMQ works as well. The reliability settings are explained in
docs/workers.md; in short, messages are acknowledged after the task ran, tasks retry with
capped, jittered exponential backoff, and the outbox and delivery rows in the database are
the source of truth, so what a broker loses is sent again.
"""

from typing import Any

from celery import Celery, bootsteps
from celery.beat import EmbeddedService
from celery.schedules import crontab

from backend.core.config import Settings, get_settings
from backend.notifications import tasknames
from workers.relay import PollerThread

TASK_MODULES = [
    "workers.tasks.notifications",
    "workers.tasks.listings",
    "workers.tasks.system",
    "workers.tasks.policy",
    "workers.tasks.stats",
    "workers.tasks.matching",
]


def _transport_options(settings: Settings) -> dict[str, Any]:
    if settings.broker_url.startswith(("redis", "rediss")):
        # The visibility timeout is how long Redis waits before handing an unacknowledged
        # message (its worker died) to another worker; it must exceed the longest task and the
        # longest retry countdown, or live tasks get a second copy (harmless, but wasted).
        return {
            "visibility_timeout": settings.broker_visibility_timeout,
            "socket_connect_timeout": 5,
            "socket_timeout": 30,
            "health_check_interval": 25,
        }
    if settings.broker_url.startswith("sqla+sqlite"):
        # kombu hands these to create_engine: wait for SQLite's write lock instead of failing,
        # since the consumer, the relay and the embedded beat share the file.
        return {"connect_args": {"timeout": 30, "check_same_thread": False}}
    return {}


def beat_schedule(settings: Settings) -> dict[str, dict[str, Any]]:
    schedule: dict[str, dict[str, Any]] = {
        "outbox-relay": {"task": tasknames.RELAY_OUTBOX, "schedule": 10.0},
        "outbox-sweep": {"task": tasknames.SWEEP_OUTBOX, "schedule": settings.outbox_sweep_seconds},
        "listing-expiry": {"task": tasknames.CHECK_EXPIRY, "schedule": crontab(minute="17")},
        "match-index-refit": {"task": "techmatch.matching.refit", "schedule": crontab(minute="40", hour="3")},
        "daily-digest": {
            "task": tasknames.SEND_DIGESTS,
            "schedule": crontab(minute="0", hour=str(settings.digest_hour_local)),
        },
    }
    # Task names as in workers/tasks/stats.py (importing it here would import the tasks before the app).
    if settings.stats_refresh_facts_seconds > 0:
        # The refresh holds a lock and skips nothing, so a late or doubled run only costs its probes;
        # expiring at the interval keeps a stalled broker from piling up refreshes.
        every = settings.stats_refresh_facts_seconds
        schedule["stats-refresh-facts"] = {
            "task": "stats.refresh_facts",
            "schedule": every,
            "options": {"expires": every},
        }
    if settings.stats_rebuild_facts_hour_local >= 0:
        hour = str(settings.stats_rebuild_facts_hour_local)
        schedule["stats-rebuild-facts"] = {"task": "stats.rebuild_facts", "schedule": crontab(minute="25", hour=hour)}
    return schedule


def create_celery(settings: Settings | None = None) -> Celery:
    settings = settings or get_settings()
    app = Celery("techmatch", broker=settings.broker_url, backend=settings.result_backend, include=TASK_MODULES)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # One message at a time per worker thread: with late acks, prefetched messages would
        # wait behind a slow task while holding their place.
        worker_prefetch_multiplier=1,
        task_time_limit=settings.task_time_limit,
        task_soft_time_limit=settings.task_soft_time_limit,
        task_ignore_result=True,
        result_expires=3600,
        task_default_queue=settings.task_queue,
        broker_transport_options=_transport_options(settings),
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,
        broker_channel_error_retry=True,
        worker_cancel_long_running_tasks_on_connection_loss=False,
        timezone="Asia/Shanghai",
        enable_utc=True,
        beat_schedule=beat_schedule(settings),
        beat_schedule_filename=str(settings.var_dir / "celerybeat-schedule"),
        worker_send_task_events=False,
    )
    app.steps["worker"].add(OutboxPoller)
    app.steps["worker"].add(EmbeddedBeat)
    return app


class OutboxPoller(bootsteps.StartStopStep):  # type: ignore[misc]
    """Every worker relays the outbox, so delivery needs no beat and scales with workers."""

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.thread: PollerThread | None = None

    def start(self, worker: Any) -> None:
        interval = get_settings().outbox_poll_seconds
        if interval > 0:
            self.thread = PollerThread(worker.app, interval)
            self.thread.start()

    def stop(self, worker: Any) -> None:
        if self.thread is not None:
            self.thread.stop()
            self.thread = None


class EmbeddedBeat(bootsteps.StartStopStep):  # type: ignore[misc]
    """The embedded run has one process and no beat command: the worker carries beat itself.

    On by default only with the embedded broker (``embedded_beat`` overrides); production runs
    one ``celery -A workers.app beat`` and N workers without it.
    """

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.service: Any = None

    def start(self, worker: Any) -> None:
        settings = get_settings()
        enabled = settings.embedded_beat if settings.embedded_beat is not None else settings.broker_is_embedded
        # `worker --beat` already runs one; two beats would send every schedule twice.
        if enabled and getattr(worker, "beat", None) is None:
            settings.var_dir.mkdir(parents=True, exist_ok=True)
            self.service = EmbeddedService(
                worker.app, thread=True, schedule_filename=str(settings.var_dir / "celerybeat-schedule")
            )
            self.service.start()

    def stop(self, worker: Any) -> None:
        if self.service is not None:
            self.service.stop()
            self.service = None


celery = create_celery()
app = celery
