"""10,000 notifications through outbox, broker, worker and a real SMTP server: time and throughput.

    .venv/bin/python -m bench.notifications.run                      # SQLite, Redis, 1 worker x 2 threads
    .venv/bin/python -m bench.notifications.run --postgres --workers 2 --concurrency 2
    .venv/bin/python -m bench.notifications.run --broker embedded    # kombu's SQLAlchemy transport

It starts its own Redis (a free port, no persistence), an aiosmtpd server and the worker
processes (``celery -A workers.app worker --pool threads``), builds a fresh database with the
migrations, then emits the notifications in transactions of ``--batch`` while the workers run,
and stops the clock when the SMTP server has accepted the last mail. It checks that every
delivery arrived exactly once. Figures are in docs/workers.md.
"""

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TECHMATCH_ENVIRONMENT", "test")

from sqlalchemy import func, select

from backend.accounts.enums import OrgKind
from backend.notifications.models import Delivery
from backend.notifications.service import emit
from tests.factories import make_org, make_user
from tests.workers.harness import (
    RedisServer,
    SmtpServer,
    Worker,
    WorkerDatabase,
    wait_for,
    worker_env,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--notifications", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--batch", type=int, default=500, help="notifications per emitting transaction")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--broker", choices=["redis", "embedded"], default="redis")
    parser.add_argument("--postgres", action="store_true", help="use TECHMATCH_TEST_DATABASE_URL's server")
    parser.add_argument("--emit-first", action="store_true", help="fill the outbox, then start the workers")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="tm-bench-"))
    if args.postgres:
        os.environ.setdefault("TECHMATCH_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    else:
        os.environ.pop("TECHMATCH_TEST_DATABASE_URL", None)
    db = WorkerDatabase(tmp)
    redis = RedisServer()
    smtp = SmtpServer()
    smtp.start()
    if args.broker == "redis":
        redis.start()
        broker = redis.url
    else:
        broker = f"sqla+sqlite:///{tmp / 'broker.db'}"
    env = worker_env(
        db=db,
        broker=broker,
        smtp_port=smtp.port,
        var_dir=tmp,
        TECHMATCH_DELIVERY_STALE_SECONDS="300",
        TECHMATCH_DELIVERY_LEASE_SECONDS="120",
        TECHMATCH_OUTBOX_SWEEP_SECONDS="60",
    )
    workers = [Worker(env=env, log=tmp / f"worker-{i}.log", name=f"bench{i}") for i in range(args.workers)]
    try:
        with db.session() as s:
            org = make_org(s, kind=OrgKind.enterprise)
            users = [make_user(s, org, email=f"u{i}-{secrets.token_hex(2)}@example.com").id for i in range(args.users)]
            s.commit()
        if not args.emit_first:
            for w in workers:
                w.start(concurrency=args.concurrency)

        started = time.perf_counter()
        for first in range(0, args.notifications, args.batch):
            with db.session() as s:
                for i in range(first, min(first + args.batch, args.notifications)):
                    emit(
                        s,
                        event="match.new",
                        payload={"title": f"需求 {i}", "score": "0.80"},
                        recipients=[users[i % len(users)]],
                    )
                s.commit()
        emitted = time.perf_counter() - started
        if args.emit_first:
            for w in workers:
                w.start(concurrency=args.concurrency)
            started = time.perf_counter()  # from here on: outbox -> broker -> worker -> SMTP only
        wait_for(
            lambda: len(smtp.catcher.message_ids()) >= args.notifications, timeout=3600, interval=0.2, what="all mails"
        )
        elapsed = time.perf_counter() - started
        time.sleep(2)  # anything sent twice would arrive now

        ids = smtp.catcher.message_ids()
        with db.session() as s:
            sent = s.scalar(select(func.count()).where(Delivery.channel == "email", Delivery.status == "sent"))
        duplicates = len(ids) - len(set(ids))
        print(f"database       {db.url.split('://')[0]}")
        print(f"broker         {args.broker}")
        print(f"workers        {args.workers} x {args.concurrency} threads")
        print(f"notifications  {args.notifications} (one e-mail and one in-app row each)")
        print(f"emit           {emitted:.1f} s ({args.notifications / emitted:.0f}/s into the outbox)")
        label = "deliver" if args.emit_first else "end to end"
        print(f"{label:<14} {elapsed:.1f} s ({args.notifications / elapsed:.0f} mails/s accepted by SMTP)")
        print(f"received       {len(ids)} mails, {duplicates} duplicates; {sent} deliveries marked sent")
        return 0 if duplicates == 0 and len(set(ids)) == args.notifications else 1
    finally:
        for w in workers:
            w.stop()
        smtp.stop()
        redis.stop()
        db.drop()


if __name__ == "__main__":
    sys.exit(main())
