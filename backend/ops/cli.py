"""Data commands of ``techmatch``: ``seed-demo``, ``import outputs|needs`` and ``create-user``.

Each command is a plain function; ``register`` lists them (``COMMANDS`` and the ``import``
group), so a new command is one function and one line. Every command runs in one unit of
work (``session_scope``): it commits when the command succeeds and rolls back otherwise.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts import service as accounts
from backend.accounts.enums import Role
from backend.accounts.models import Organisation, User
from backend.accounts.schemas import MemberIn
from backend.core import audit
from backend.core.db import session_scope
from backend.core.errors import DomainError
from backend.listings.import_source import RowsSource
from backend.listings.importer import ImportReport, KindName, import_listings


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """One transaction for a command: committed when the block ends normally."""
    yield from session_scope()


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


# --- seed-demo -----------------------------------------------------------------------------


def seed_demo() -> None:
    """Load the demo organisations, accounts and listings (does nothing when already loaded)."""
    from backend.ops.demo import seed_demo as load  # the catalogue is only read when asked for

    with unit_of_work() as session:
        report = load(session)
    typer.echo(str(report))


# --- import outputs|needs ------------------------------------------------------------------

FileArg = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="CSV or JSONL file")]
AsOption = Annotated[str, typer.Option("--as", help="E-mail of the user who imports; rows join their organisation")]
SkipOption = Annotated[bool, typer.Option("--skip-invalid", help="Import the valid rows even if others have errors")]


def _print_report(report: ImportReport) -> None:
    for error in report.errors:
        where = f"line {error.line}" + (f", {error.field}" if error.field else "")
        typer.echo(f"{where}: {error.message}", err=True)
    if report.error_count > len(report.errors):
        typer.echo(f"... and {report.error_count - len(report.errors)} more errors", err=True)
    summary = f"{report.rows} rows read, {report.imported} {report.kind} imported as drafts"
    if report.error_count:
        summary += f", {report.error_count} errors in {report.rows - report.valid} rows"
        if report.imported == 0:
            summary += "; nothing imported (fix the rows or pass --skip-invalid)"
    typer.echo(summary)


def _import(kind: KindName, file: Path, as_email: str, skip_invalid: bool) -> None:
    try:
        source = RowsSource.from_path(file)
    except DomainError as exc:
        _fail(exc.message)
    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with unit_of_work() as session, Progress(*columns, console=console, transient=True) as bar:
        actor = session.scalar(select(User).where(func.lower(User.email) == as_email.strip().lower()))
        if actor is None:
            _fail(f"no user with e-mail {as_email}", code=2)
        tasks = {
            "validate": bar.add_task("validating", total=len(source.rows)),
            "import": bar.add_task("importing", total=None, visible=False),
        }

        def progress(phase: str, done: int, total: int) -> None:
            bar.update(tasks[phase], completed=done, total=total, visible=True)

        try:
            report = import_listings(
                session, kind=kind, actor=actor, rows_source=source, skip_invalid=skip_invalid, progress=progress
            )
        except DomainError as exc:
            _fail(exc.message)
    _print_report(report)
    if report.error_count and report.imported == 0:
        raise typer.Exit(1)


def import_outputs(file: FileArg, as_email: AsOption, skip_invalid: SkipOption = False) -> None:
    """Import research outputs as drafts of the user's organisation."""
    _import("outputs", file, as_email, skip_invalid)


def import_needs(file: FileArg, as_email: AsOption, skip_invalid: SkipOption = False) -> None:
    """Import technology needs as drafts of the user's organisation."""
    _import("needs", file, as_email, skip_invalid)


# --- create-user ---------------------------------------------------------------------------


def create_user(
    email: Annotated[str, typer.Option(help="Sign-in e-mail address")],
    org_id: Annotated[int, typer.Option("--org-id", help="Id of the organisation the user belongs to")],
    role: Annotated[Role, typer.Option(help="Role in the organisation")] = Role.member,
    full_name: Annotated[str | None, typer.Option(help="Display name (default: the e-mail's local part)")] = None,
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, help="At least 10 characters")
    ] = "",
) -> None:
    """Create a user in an existing organisation (for administrators; any role the organisation allows)."""
    try:
        data = MemberIn(email=email, password=password, full_name=full_name or email.split("@")[0], role=role)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_input=False))
        _fail(problems, code=2)
    with unit_of_work() as session:
        org = session.get(Organisation, org_id)
        if org is None:
            _fail(f"no organisation with id {org_id}", code=2)
        try:
            user = accounts.create_user(
                session,
                org=org,
                email=str(data.email),
                password=data.password,
                full_name=data.full_name,
                role=data.role,
                locale=data.locale,
            )
        except DomainError as exc:
            _fail(exc.message)
        audit.record(
            session,
            actor_id=None,
            entity_type="organisation",
            entity_id=org.id,
            action="add_member",
            changes={"user_id": user.id, "role": str(role), "via": "cli"},
        )
    typer.echo(f"created user {user.id} <{user.email}> as {role} of {org.name} (organisation {org.id})")


# --- registration --------------------------------------------------------------------------

COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("seed-demo", seed_demo),
    ("create-user", create_user),
]
IMPORT_COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("outputs", import_outputs),
    ("needs", import_needs),
]


def register(app: typer.Typer) -> None:
    for name, command in COMMANDS:
        app.command(name)(command)
    group = typer.Typer(help="Import research outputs or technology needs from CSV or JSONL.", no_args_is_help=True)
    for name, command in IMPORT_COMMANDS:
        group.command(name)(command)
    app.add_typer(group, name="import")
