"""The embedded run: migrate, load demo data once, start a worker and the API; Ctrl-C stops all."""

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from alembic import command
from alembic.config import Config

from backend.core.config import PROJECT_ROOT, get_settings


def alembic_config(database_url: str | None = None) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.attributes["database_url"] = database_url or get_settings().database_url
    return cfg


def migrate() -> None:
    command.upgrade(alembic_config(), "head")


def _worker_command() -> list[str] | None:
    if importlib.util.find_spec("workers.app") is None:
        return None
    # Threads, not prefork: two cores, and the embedded broker is a SQLite file.
    return [
        sys.executable, "-m", "celery", "-A", "workers.app", "worker", "--beat",
        "--pool", "threads", "--concurrency", "2", "--loglevel", "INFO",
        "--schedule", str(get_settings().var_dir / "celerybeat-schedule"),
    ]  # fmt: skip


def _api_command(host: str, port: int) -> list[str]:
    return [
        sys.executable, "-m", "uvicorn", "backend.app:create_app", "--factory",
        "--host", host, "--port", str(port),
    ]  # fmt: skip


def serve(*, host: str, port: int, with_worker: bool) -> int:
    """Run the API (and a worker) as child processes until one exits or Ctrl-C."""
    get_settings().var_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(PROJECT_ROOT))
    children: list[subprocess.Popen[bytes]] = []
    worker = _worker_command() if with_worker else None
    if worker:
        children.append(subprocess.Popen(worker, env=env, cwd=PROJECT_ROOT))
    children.append(subprocess.Popen(_api_command(host, port), env=env, cwd=PROJECT_ROOT))
    print(f"techmatch is serving on http://{host}:{port}  (API docs: http://{host}:{port}/docs)", flush=True)
    # SIGTERM (a service manager, `kill`) must stop the children too: Python's default would end this
    # process at once, skipping the ``finally`` below and leaving the API and worker running.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        _stop(children)
    return max((child.returncode or 0) for child in children)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 10
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()


def frontend_built() -> bool:
    return Path(get_settings().frontend_dist, "index.html").is_file()
