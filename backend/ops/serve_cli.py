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


def register(app: typer.Typer) -> None:
    app.command("run")(run)
    app.command("migrate")(migrate)
    app.command("reindex")(reindex)
