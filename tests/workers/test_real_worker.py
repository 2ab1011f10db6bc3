"""End to end with real parts: worker processes, our own Redis, an SMTP server, a migrated database.

Each scenario is a failure the design claims to survive: a worker SIGKILLed in the middle of an
SMTP conversation, Redis down while listings change, Redis restarted with messages inside it,
an SMTP server that refuses everything. Every mail must arrive exactly once.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from backend.accounts.enums import OrgKind, Role
from backend.jobs import service as jobs
from backend.jobs.models import FailedTask
from backend.listings import service as listings
from backend.listings.kinds import OUTPUTS
from backend.notifications.models import Delivery, OutboxMessage
from backend.notifications.service import emit
from tests.factories import make_org, make_output, make_user
from tests.workers.harness import RedisServer, SmtpServer, Worker, WorkerDatabase, wait_for, worker_env

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("real-worker")


@pytest.fixture(scope="module")
def db(tmp: Path) -> Iterator[WorkerDatabase]:
    database = WorkerDatabase(tmp)
    yield database
    database.drop()


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def workers(tmp: Path) -> Iterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for w in started:
        w.stop()
        print(w.output()[-4000:])  # pytest shows it only when the test failed


@pytest.fixture(autouse=True)
def _fresh_mailbox(smtp: SmtpServer) -> None:
    catcher = smtp.catcher
    with catcher.lock:
        catcher.messages.clear()
        catcher.attempts = 0
    catcher.refuse = False
    catcher.hold_next = False
    catcher.holding.clear()


def _start(workers: list[Worker], env: dict[str, str], tmp: Path, *, name: str = "w", args: tuple[str, ...] = ()):
    worker = Worker(env=env, log=tmp / f"{name}-{len(workers)}.log", name=name, extra_args=args)
    workers.append(worker)
    worker.start()
    return worker


def _people(db: WorkerDatabase, n_listings: int = 1) -> tuple[list[int], list[int], int]:
    """An organisation with a zh-CN and an en member, pending listings, and a reviewer."""
    with db.session() as s:
        org = make_org(s, kind=OrgKind.university)
        zh = make_user(s, org, role=Role.org_admin)
        en = make_user(s, org, locale="en")
        reviewer = make_user(s, make_org(s, kind=OrgKind.government), role=Role.reviewer)
        outs = [make_output(s, zh, status="pending_review", title=f"成果{i}") for i in range(n_listings)]
        s.commit()
        return [zh.id, en.id], [o.id for o in outs], reviewer.id


def _approve(db: WorkerDatabase, listing_ids: list[int], reviewer_id: int) -> None:
    from backend.accounts.models import User

    with db.session() as s:
        reviewer = s.get(User, reviewer_id)
        for listing_id in listing_ids:
            listing = s.get(OUTPUTS.model, listing_id)
            listings.review(s, kind=OUTPUTS, reviewer=reviewer, listing=listing, decision="approve", reason=None)
        s.commit()


def _last_outbox_id(db: WorkerDatabase) -> int:
    with db.session() as s:
        return s.scalar(select(func.max(OutboxMessage.id))) or 0


def _email_rows(db: WorkerDatabase, user_ids: list[int]) -> list[Delivery]:
    with db.session() as s:
        stmt = select(Delivery).where(Delivery.channel == "email", Delivery.user_id.in_(user_ids))
        return list(s.scalars(stmt.order_by(Delivery.id)).unique())


def _assert_exactly_once(smtp: SmtpServer, db: WorkerDatabase, user_ids: list[int], expected: int) -> None:
    wait_for(lambda: len(smtp.catcher.message_ids()) >= expected, timeout=60, what=f"{expected} mails")
    rows = _email_rows(db, user_ids)
    wait_for(lambda: all(d.status == "sent" for d in _email_rows(db, user_ids)), timeout=10, what="rows sent")
    ids = smtp.catcher.message_ids()
    assert sorted(ids) == sorted({f"<delivery-{d.id}@techmatch>" for d in rows}), "each delivery exactly once"
    assert len(ids) == expected


def test_review_decision_mails_each_member_in_their_language(db, smtp, redis, workers, tmp) -> None:
    users, outs, reviewer = _people(db)
    _start(workers, worker_env(db=db, broker=redis.url, smtp_port=smtp.port, var_dir=tmp), tmp)
    _approve(db, outs, reviewer)
    _assert_exactly_once(smtp, db, users, 2)
    by_to = {m["To"]: m for m in smtp.catcher.messages}
    subjects = sorted(str(m["Subject"]) for m in by_to.values())
    assert subjects == ["Your research output was approved: 成果0", "您的科技成果已通过审核：成果0"]
    parts = [p.get_content_type() for p in next(iter(by_to.values())).walk()]
    assert parts == ["multipart/alternative", "text/plain", "text/html"]


def test_worker_sigkilled_mid_send_the_mail_arrives_exactly_once(db, smtp, redis, workers, tmp) -> None:
    users, _, _ = _people(db)
    env = worker_env(db=db, broker=redis.url, smtp_port=smtp.port, var_dir=tmp)
    first = _start(workers, env, tmp, name="victim")
    with db.session() as s:
        emit(s, event="match.new", payload={"title": "需求A", "score": "0.9"}, recipients=[users[0]])
        s.commit()
    smtp.catcher.hold_next = True
    assert smtp.catcher.holding.wait(30), "the worker never reached the SMTP DATA phase"
    first.kill()  # mid-send: the message is on the wire, our 250 has not been sent
    assert smtp.catcher.message_ids() == []
    _start(workers, env, tmp, name="successor")
    _assert_exactly_once(smtp, db, [users[0]], 1)
    (delivery,) = _email_rows(db, [users[0]])
    assert delivery.attempts >= 2  # it ran again
    # Redelivery by Redis and re-enqueueing by the sweeper may both fire; neither sends twice.
    import time

    time.sleep(8)
    assert len(smtp.catcher.message_ids()) == 1


def test_redis_down_while_listings_change_nothing_lost(db, smtp, redis, workers, tmp) -> None:
    users, outs, reviewer = _people(db, n_listings=4)
    # A slow sweeper: fewer beat tasks in flight when Redis stops (see the restart below); the relay,
    # not the sweeper, is what this test is about.
    env = worker_env(db=db, broker=redis.url, smtp_port=smtp.port, var_dir=tmp, TECHMATCH_OUTBOX_SWEEP_SECONDS="60")
    worker = _start(workers, env, tmp)
    _approve(db, outs[:1], reviewer)
    _assert_exactly_once(smtp, db, users, 2)
    # The approval also queued its match alert; let it finish so no task is mid-flight at the outage.
    wait_for(lambda: worker.count(r"alert_new_listing\[[^]]+\] succeeded") >= 1, timeout=30, what="the match alert")
    redis.stop()
    _approve(db, outs[1:], reviewer)  # committed while the broker is down: waits in the outbox
    with db.session() as s:
        wait_for(
            # (unless the worker died of the outage: then nothing relays until it is restarted)
            lambda: not worker.alive() or s.scalar(select(func.max(OutboxMessage.attempts))) or s.expire_all(),
            timeout=15,
            what="the relay to meet the outage",
        )
    redis.start()
    if not worker.alive():
        # kombu's Redis transport can abort the consumer when the connection drops while a message is
        # unacknowledged (a beat task in flight); production's supervisor restarts it (compose:
        # restart), and so does this test. Nothing is lost either way: the outbox still holds the rows.
        _start(workers, env, tmp, name="restarted")
    _assert_exactly_once(smtp, db, users, 8)
    # The approvals also queued match alerts; let them leave too, so the next test starts clean.
    with db.session() as s:
        wait_for(
            lambda: s.scalar(select(func.count()).where(OutboxMessage.published_at.is_(None))) == 0 or s.expire_all(),
            timeout=60,
            what="the whole outbox to be published",
        )


def test_messages_lost_inside_redis_are_sent_again(db, smtp, redis, workers, tmp) -> None:
    users, outs, reviewer = _people(db, n_listings=2)
    env = worker_env(db=db, broker=redis.url, smtp_port=smtp.port, var_dir=tmp)
    # This worker relays the outbox but consumes another queue: the messages sit in Redis.
    parked = _start(workers, env, tmp, name="relay-only", args=("-Q", "elsewhere"))
    before = _last_outbox_id(db)
    _approve(db, outs, reviewer)
    # Only this test's rows: an earlier test may leave rows waiting out a relay backoff (up to 30 s).
    mine = (OutboxMessage.id > before) & OutboxMessage.published_at.is_(None)
    with db.session() as s:
        wait_for(
            lambda: s.scalar(select(func.count()).where(mine)) == 0 and not s.expire_all(),
            timeout=30,
            what="the outbox to be published",
        )
    parked.stop()
    redis.stop()
    redis.start()  # no persistence: the four messages are gone
    _start(workers, env, tmp, name="after-restart")
    _assert_exactly_once(smtp, db, users, 4)


def test_a_task_that_always_fails_stops_after_max_retries_and_is_recorded(db, smtp, redis, workers, tmp) -> None:
    users, _, _ = _people(db)
    smtp.catcher.refuse = True
    # A looser staleness than the other tests: on a loaded machine a retry can start seconds after it
    # was due, and the sweeper would take it for lost and start a second chain of attempts.
    env = worker_env(db=db, broker=redis.url, smtp_port=smtp.port, var_dir=tmp, TECHMATCH_DELIVERY_STALE_SECONDS="30")
    _start(workers, env, tmp)
    with db.session() as s:
        emit(s, event="match.new", payload={"title": "x"}, recipients=[users[1]])
        s.commit()
    (delivery,) = _email_rows(db, [users[1]])
    with db.session() as s:
        failed = wait_for(
            lambda: next((f for f in s.scalars(select(FailedTask)) if f.args == [delivery.id]), None) or s.expire_all(),
            timeout=90,
            what="the failure record",
        )
    assert failed.task == "techmatch.notifications.deliver_email"
    assert failed.retries == 3 and "451" in failed.error
    assert smtp.catcher.attempts == 4  # the first try and three retries, then it stopped
    assert _email_rows(db, [users[1]])[0].status == "failed"

    # An admin retries it once the mail server is back: delivered, once.
    smtp.catcher.refuse = False
    with db.session() as s:
        from backend.accounts.models import User

        admin = make_user(s, make_org(s, kind=OrgKind.government), role=Role.platform_admin)
        jobs.retry_failed(s, admin=s.get(User, admin.id), failed_id=failed.id)
        s.commit()
    _assert_exactly_once(smtp, db, [users[1]], 1)


def test_expiry_job_warns_then_expires_once(db, smtp, redis, workers, tmp) -> None:
    from datetime import timedelta

    from backend.core.db import utcnow
    from backend.listings.enums import ListingStatus
    from backend.notifications import outbox, tasknames
    from backend.notifications.models import Notification

    with db.session() as s:
        org = make_org(s, kind=OrgKind.university)
        owner = make_user(s, org, role=Role.org_admin, locale="en")
        soon = make_output(s, owner, title="Soon", expires_at=utcnow() + timedelta(days=3))
        gone = make_output(s, owner, title="Gone", expires_at=utcnow() - timedelta(hours=1))
        later = make_output(s, owner, title="Later", expires_at=utcnow() + timedelta(days=30))
        outbox.enqueue(s, tasknames.CHECK_EXPIRY)  # the backend hands work over by name
        s.commit()
    _start(workers, worker_env(db=db, broker=redis.url, smtp_port=smtp.port, var_dir=tmp), tmp)
    _assert_exactly_once(smtp, db, [owner.id], 2)
    with db.session() as s:
        outbox.enqueue(s, tasknames.CHECK_EXPIRY)  # a second run (a crash, two beats) adds nothing
        s.commit()
        wait_for(
            lambda: s.scalar(select(func.count()).where(OutboxMessage.published_at.is_(None))) == 0 or s.expire_all(),
            timeout=15,
            what="the second run to be published",
        )
    import time

    time.sleep(2)
    with db.session() as s:
        events = sorted(
            (n.event, n.payload["title"])
            for n in s.scalars(select(Notification))
            if "title" in n.payload and n.payload["title"] in ("Soon", "Gone", "Later")
        )
        assert events == [("listing.expired", "Gone"), ("listing.expiring", "Soon")]
        assert s.get(OUTPUTS.model, gone.id).status == ListingStatus.expired
        assert s.get(OUTPUTS.model, soon.id).status == ListingStatus.published
        assert s.get(OUTPUTS.model, later.id).status == ListingStatus.published
    subjects = sorted(str(m["Subject"]) for m in smtp.catcher.messages)
    assert subjects == ["Your research output expires soon: Soon", "Your research output has expired: Gone"]
