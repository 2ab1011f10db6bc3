"""The same tasks on the other brokers: RabbitMQ, and the embedded SQLite transport of `make run`."""

import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from kombu import Connection
from sqlalchemy import select

from backend.accounts.enums import OrgKind, Role
from backend.notifications.models import Delivery
from backend.notifications.service import emit
from tests.factories import make_org, make_user
from tests.workers.harness import SmtpServer, Worker, WorkerDatabase, wait_for, worker_env

pytestmark = pytest.mark.slow
RABBIT = ("127.0.0.1", 5672)
AMQP_URL = "amqp://guest:guest@127.0.0.1:5672//"


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("brokers")


@pytest.fixture(scope="module")
def db(tmp: Path) -> Iterator[WorkerDatabase]:
    database = WorkerDatabase(tmp)
    yield database
    database.drop()


def _member(db: WorkerDatabase, **kw: str) -> tuple[int, str]:
    with db.session() as s:
        user = make_user(s, make_org(s, kind=OrgKind.enterprise), role=Role.member, **kw)
        s.commit()
        return user.id, user.email


def _notify(db: WorkerDatabase, user_id: int) -> None:
    with db.session() as s:
        emit(
            s,
            event="listing.approved",
            payload={"kind": "need", "listing_id": 7, "title": "节能改造"},
            recipients=[user_id],
        )
        s.commit()


def _rabbit_answers() -> bool:
    try:
        with socket.create_connection(RABBIT, timeout=2) as conn:
            conn.sendall(b"AMQP\x00\x00\x09\x01")
            return conn.recv(8).startswith(b"\x01")  # Connection.Start frame
    except OSError:
        return False


def test_same_task_on_rabbitmq(db: WorkerDatabase, tmp: Path) -> None:
    if not _rabbit_answers():
        pytest.skip("RabbitMQ does not answer on 127.0.0.1:5672 (guest/guest); start it to run this test")
    smtp = SmtpServer()
    smtp.start()
    user_id, email = _member(db)
    env = worker_env(db=db, broker=AMQP_URL, smtp_port=smtp.port, var_dir=tmp)
    worker = Worker(env=env, log=tmp / "rabbit.log")
    try:
        worker.start()
        _notify(db, user_id)
        wait_for(smtp.catcher.message_ids, timeout=30, what="the mail over RabbitMQ")
        (message,) = smtp.catcher.messages
        assert message["To"] == email and "节能改造" in str(message["Subject"])
        assert "Connected to amqp://guest:**@127.0.0.1:5672//" in worker.output()
    finally:
        worker.stop()
        smtp.stop()
        with Connection(AMQP_URL) as conn:  # the broker is shared: leave no test queue behind
            conn.default_channel.queue_delete(env["TECHMATCH_TASK_QUEUE"])


def test_embedded_run_delivers_to_the_local_mailbox_and_in_app(db: WorkerDatabase, tmp: Path) -> None:
    """`celery -A workers.app worker --pool threads --concurrency 2` with the embedded defaults."""
    user_id, email = _member(db, locale="en")
    var = tmp / "embedded"
    env = worker_env(
        db=db, broker=f"sqla+sqlite:///{var / 'broker.db'}", smtp_port=0, var_dir=var, TECHMATCH_SMTP_HOST=""
    )
    del env["TECHMATCH_EMBEDDED_BEAT"]  # the default: on with the embedded broker
    var.mkdir()
    worker = Worker(env=env, log=tmp / "embedded.log")
    try:
        worker.start()
        _notify(db, user_id)
        mailbox = var / "mail"
        files = wait_for(lambda: list(mailbox.glob("*.eml")), timeout=30, what="a .eml in var/mail")
        message = message_from_bytes(files[0].read_bytes(), policy=policy.default)
        assert message["To"] == email
        assert str(message["Subject"]) == "Your technology need was approved: 节能改造"
        assert "beat: Starting" in worker.output()
    finally:
        worker.stop()
    with db.session() as s:
        rows = s.scalars(select(Delivery).where(Delivery.user_id == user_id)).unique().all()
        assert sorted((d.channel, d.status) for d in rows) == [("email", "sent"), ("in_app", "sent")]


def test_embedded_run_delivers_match_and_saved_search_alerts(db: WorkerDatabase, tmp: Path) -> None:
    """Approving an output, as a reviewer does, reaches the matching need's owner and a saved search."""
    from backend.accounts.models import User
    from backend.listings import service as listings
    from backend.listings.kinds import OUTPUTS
    from backend.searches.models import SavedSearch
    from tests.factories import make_need, make_output

    with db.session() as s:
        company = make_user(s, make_org(s, kind=OrgKind.enterprise), locale="en")
        make_need(s, company, title="石墨烯散热膜", description="需要高导热石墨烯散热膜用于手机散热")
        watcher = make_user(s, make_org(s, kind=OrgKind.enterprise), locale="en")
        s.add(SavedSearch(user_id=watcher.id, kind="output", name="graphene", q="石墨烯"))
        university = make_user(s, make_org(s, kind=OrgKind.university), locale="en")
        output = make_output(s, university, status="pending_review", title="石墨烯散热膜制备")
        reviewer = make_user(s, make_org(s, kind=OrgKind.government), role=Role.reviewer)
        s.commit()
        listings.review(
            s, kind=OUTPUTS, reviewer=s.get(User, reviewer.id), listing=output, decision="approve", reason=None
        )
        s.commit()
        emails = {company.id: company.email, watcher.id: watcher.email}

    var = tmp / "embedded-alerts"
    env = worker_env(
        db=db, broker=f"sqla+sqlite:///{var / 'broker.db'}", smtp_port=0, var_dir=var, TECHMATCH_SMTP_HOST=""
    )
    var.mkdir()
    worker = Worker(env=env, log=tmp / "embedded-alerts.log")
    try:
        worker.start()
        mailbox = var / "mail"

        def alert_mails() -> dict[str, str]:
            found = {}
            for path in mailbox.glob("*.eml"):
                message = message_from_bytes(path.read_bytes(), policy=policy.default)
                found[str(message["To"])] = str(message["Subject"])
            return found if set(emails.values()) <= set(found) else {}

        subjects = wait_for(alert_mails, timeout=60, what="both alerts in var/mail")
    finally:
        worker.stop()
    assert subjects[emails[company.id]] == "New match: 石墨烯散热膜制备"
    assert subjects[emails[watcher.id]] == "New result for your saved search: 石墨烯散热膜制备"
    with db.session() as s:
        rows = s.scalars(select(Delivery).where(Delivery.user_id.in_(emails))).unique().all()
        in_app = sorted((d.user_id, d.notification.event) for d in rows if d.channel == "in_app")
        assert in_app == sorted([(company.id, "match.new"), (watcher.id, "search.match")])
