"""`techmatch run` as a real process: SIGTERM stops the API and the worker it started, not just itself."""

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.workers.harness import ROOT, free_port, wait_for


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in state  # a zombie has exited; only its parent's bookkeeping is left


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(c) for c in found]


def test_sigterm_stops_the_api_and_the_worker(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "TECHMATCH_VAR_DIR": str(tmp_path),
        "TECHMATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'run.db'}",
        "TECHMATCH_BROKER_URL": f"sqla+sqlite:///{tmp_path / 'broker.db'}",
        "TECHMATCH_RESULT_BACKEND": f"db+sqlite:///{tmp_path / 'results.db'}",
    }
    command = [str(ROOT / ".venv" / "bin" / "techmatch"), "run", "--no-demo", "--port", str(port)]
    with (tmp_path / "run.log").open("wb") as log:
        parent = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    children: list[int] = []
    try:
        wait_for(lambda: "is serving" in (tmp_path / "run.log").read_text(errors="replace"), timeout=60, what="serving")
        children = wait_for(
            lambda: len(_children(parent.pid)) == 2 and _children(parent.pid), timeout=30, what="2 children"
        )
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=30) is not None
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(c) for c in children):
            time.sleep(0.2)
        assert [c for c in children if _alive(c)] == [], (tmp_path / "run.log").read_text(errors="replace")[-3000:]
    finally:
        if parent.poll() is None:
            parent.kill()
        for child in children:  # should the test fail, leave no API or worker behind
            if _alive(child):
                os.kill(child, signal.SIGKILL)
