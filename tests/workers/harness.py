"""Real parts for the worker tests: a Redis server, an SMTP catcher, a worker process, a database.

Everything runs on free ports and in temporary folders, so the tests never touch the shared
Redis on 6379 and can stop their own server whenever they like.
"""

import asyncio
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from backend.core.db import build_engine

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(ROOT / ".venv" / "bin" / "celery")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(predicate: Callable[[], Any], *, timeout: float, interval: float = 0.1, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


# --- database ----------------------------------------------------------------------------


class WorkerDatabase:
    """A database of its own, built by the migrations, shared by the test and its workers."""

    def __init__(self, tmp: Path) -> None:
        base = os.environ.get("TECHMATCH_TEST_DATABASE_URL", "")
        self.admin_url: str | None = None
        if base.startswith("postgresql"):
            self.name = f"tm_workers_{secrets.token_hex(4)}"
            self.admin_url = base
            with create_engine(base, isolation_level="AUTOCOMMIT").connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            self.url = base.rsplit("/", 1)[0] + "/" + self.name
        else:
            self.url = f"sqlite:///{tmp / 'workers.db'}"
        cfg = Config(str(ROOT / "alembic.ini"))
        cfg.attributes["database_url"] = self.url
        command.upgrade(cfg, "head")
        self.engine: Engine = build_engine(self.url)
        self.sessions = sessionmaker(bind=self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def drop(self) -> None:
        self.engine.dispose()
        if self.admin_url:
            with create_engine(self.admin_url, isolation_level="AUTOCOMMIT").connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))


# --- Redis -------------------------------------------------------------------------------


class RedisServer:
    """Our own redis-server without persistence: a restart loses every message, on purpose."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        exe = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.proc = subprocess.Popen(
            [exe, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, timeout=10, what="redis-server to answer")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(timeout=10)
            self.proc = None


# --- SMTP --------------------------------------------------------------------------------


class Catcher:
    """An aiosmtpd handler that keeps what it accepted, and can hold or refuse on demand.

    ``hold_next``: the next message is not answered until its client goes away (the worker is
    killed mid-send); like a real server, a message whose client vanished before our 250 reply
    is not accepted. ``refuse`` answers a temporary failure to every message.
    """

    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.lock = threading.Lock()
        self.hold_next = False
        self.holding = threading.Event()
        self.refuse = False
        self.attempts = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.attempts += 1
            hold, self.hold_next = self.hold_next, False
        if self.refuse:
            return "451 4.3.0 Try again later"
        if hold:
            self.holding.set()
            for _ in range(600):
                if server.transport is None or server.transport.is_closing():
                    return "421 client went away"
                await asyncio.sleep(0.05)
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def message_ids(self) -> list[str]:
        with self.lock:
            return [str(m["Message-ID"]) for m in self.messages]


class SmtpServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.catcher = Catcher()
        self.controller = Controller(self.catcher, hostname="127.0.0.1", port=self.port)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()


# --- worker ------------------------------------------------------------------------------


class Worker:
    """``celery -A workers.app worker --pool threads`` as a real process with test settings."""

    def __init__(self, *, env: dict[str, str], log: Path, name: str = "w", extra_args: tuple[str, ...] = ()) -> None:
        self.env = env
        self.extra_args = extra_args
        self.log = log
        self.name = name
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, *, concurrency: int = 2) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [
                    CELERY,
                    "-A",
                    "workers.app",
                    "worker",
                    "--pool",
                    "threads",
                    "--concurrency",
                    str(concurrency),
                    "-l",
                    "info",
                    "-n",
                    f"{self.name}-{secrets.token_hex(3)}@%h",
                    "--without-gossip",
                    "--without-mingle",
                    *self.extra_args,
                ],
                cwd=ROOT,
                env={**os.environ, **self.env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        wait_for(lambda: "ready." in self.output(), timeout=30, what="the worker to be ready")

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL: no shutdown, no ack, no chance to give anything back."""
        if self.proc is not None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)
            self.proc = None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
            self.proc = None

    def count(self, pattern: str) -> int:
        return len(re.findall(pattern, self.output()))


def worker_env(*, db: WorkerDatabase, broker: str, smtp_port: int, var_dir: Path, **extra: str) -> dict[str, str]:
    """Short leases, timeouts and backoff so recovery happens in seconds, not hours."""
    env = {
        "TECHMATCH_ENVIRONMENT": "test",
        "TECHMATCH_DATABASE_URL": db.url,
        "TECHMATCH_BROKER_URL": broker,
        "TECHMATCH_RESULT_BACKEND": f"db+sqlite:///{var_dir / 'results.db'}",
        "TECHMATCH_VAR_DIR": str(var_dir),
        "TECHMATCH_SMTP_HOST": "127.0.0.1",
        "TECHMATCH_SMTP_PORT": str(smtp_port),
        "TECHMATCH_SMTP_TIMEOUT_SECONDS": "60",
        "TECHMATCH_TASK_QUEUE": f"techmatch-test-{secrets.token_hex(4)}",
        "TECHMATCH_EMBEDDED_BEAT": "true",
        "TECHMATCH_OUTBOX_POLL_SECONDS": "0.2",
        "TECHMATCH_OUTBOX_SWEEP_SECONDS": "1",
        "TECHMATCH_DELIVERY_LEASE_SECONDS": "3",
        "TECHMATCH_DELIVERY_STALE_SECONDS": "4",
        "TECHMATCH_BROKER_VISIBILITY_TIMEOUT": "6",
        "TECHMATCH_TASK_MAX_RETRIES": "3",
        "TECHMATCH_TASK_RETRY_BACKOFF": "1",
        "TECHMATCH_TASK_RETRY_BACKOFF_MAX": "2",
    }
    env.update(extra)
    return env
