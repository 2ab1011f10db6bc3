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
