"""`techmatch job ID` follows a job's progress until it ends (commits for real, then cleans up)."""

from typer.testing import CliRunner

from backend.cli import app
from backend.jobs.models import Job
from backend.ops.cli import unit_of_work


def _job(state: str, progress: int, **kw: object) -> int:
    with unit_of_work() as session:
        row = Job(kind="test.cli", state=state, progress=progress, params={}, **kw)
        session.add(row)
        session.flush()
        job_id = row.id
    return job_id


def _drop(job_id: int) -> None:
    with unit_of_work() as session:
        row = session.get(Job, job_id)
        if row is not None:
            session.delete(row)


def test_finished_job_reports_success(engine) -> None:  # type: ignore[no-untyped-def]
    job_id = _job("succeeded", 100, message="42 rows")
    try:
        result = CliRunner().invoke(app, ["job", str(job_id), "--interval", "0.01"])
        assert result.exit_code == 0, result.output
        assert "succeeded: 42 rows" in result.output
    finally:
        _drop(job_id)


def test_failed_job_exits_non_zero(engine) -> None:  # type: ignore[no-untyped-def]
    job_id = _job("failed", 30, error="boom")
    try:
        result = CliRunner().invoke(app, ["job", str(job_id), "--interval", "0.01"])
        assert result.exit_code == 1
    finally:
        _drop(job_id)


def test_unknown_job(engine) -> None:  # type: ignore[no-untyped-def]
    assert CliRunner().invoke(app, ["job", "987654", "--interval", "0.01"]).exit_code == 2
