"""Commands that run the product: ``techmatch run`` and ``techmatch migrate``."""

from typing import Annotated

import typer

from backend.ops import runner


def _seed_demo_once() -> None:
    from backend.core.db import session_scope
    from backend.ops.demo import seed_demo

    for session in session_scope():
        typer.echo(f"demo data: {seed_demo(session)}")


def run(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    demo: Annotated[bool, typer.Option(help="Load the demo data once (skipped when present)")] = True,
    worker: Annotated[bool, typer.Option(help="Start a Celery worker (with beat) beside the API")] = True,
) -> None:
    """Migrate, load the demo data once, and serve the API, web app and a worker. Ctrl-C stops all."""
    runner.migrate()
    if demo:
        _seed_demo_once()
    if not runner.frontend_built():
        typer.echo("web app not built (frontend/dist missing): serving the API only")
    raise typer.Exit(runner.serve(host=host, port=port, with_worker=worker))


def migrate() -> None:
    """Bring the database schema up to date (alembic upgrade head)."""
    runner.migrate()
    typer.echo("database is at the newest schema")


def reindex() -> None:
    """Rebuild both match indexes from the database and publish them to every process."""
    from backend.core.db import session_scope
    from backend.matching.live_index import NEED_INDEX, OUTPUT_INDEX

    for session in session_scope():
        for index in (OUTPUT_INDEX, NEED_INDEX):
            version = index.refit(session)
            status = index.status(session)
            typer.echo(
                f"{index.kind.plural}: {status.documents} documents, version {version}, {status.memory_bytes / 1e6:.1f} MB"
            )


def job(
    job_id: Annotated[int, typer.Argument(help="Job id, as returned by the API that started it")],
    interval: Annotated[float, typer.Option(help="Seconds between polls")] = 1.0,
) -> None:
    """Follow a background job (import, reindex, batch evaluation) with a progress bar until it ends."""
    import time
    from contextlib import contextmanager

    from backend.core.db import session_scope
    from backend.jobs.models import Job

    session_scope_cm = contextmanager(session_scope)

    with typer.progressbar(length=100, label=f"job {job_id}") as bar:
        shown = 0
        while True:
            with session_scope_cm() as session:
                row = session.get(Job, job_id)
                found = row is not None
                if row is not None:
                    state, progress, message, error = row.state, row.progress, row.message, row.error
            if not found:
                typer.echo(f"\nno job {job_id}", err=True)
                raise typer.Exit(2)
            bar.update(max(0, progress - shown))
            shown = max(shown, progress)
            if state in ("succeeded", "failed"):
                break
            time.sleep(interval)
    typer.echo(f"{state}{': ' + message if message else ''}")
    if state == "failed":
        typer.echo(error or "", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("run")(run)
    app.command("migrate")(migrate)
    app.command("reindex")(reindex)
    app.command("job")(job)
