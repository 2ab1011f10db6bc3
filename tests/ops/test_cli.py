"""The data commands through typer's CliRunner, against the test database.

The commands commit through ``session_scope()`` on their own engine, so these tests do
not use the rolled-back ``session`` fixture (on SQLite its open transaction would lock the
file); they set up and clean up with committed units of work of their own.
"""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import Organisation, User
from backend.cli import app
from backend.core.audit import AuditEvent
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.ops.cli import unit_of_work
from backend.ops.demo.catalog import load_catalog
from tests.factories import make_org, make_user

runner = CliRunner()


def _purge(session: Session, org_ids: list[int]) -> None:
    """Delete what the commands committed for these organisations, audit trail included."""
    for model, entity in ((ResearchOutput, "output"), (TechnologyNeed, "need")):
        ids = select(model.id).where(model.organisation_id.in_(org_ids))
        session.execute(delete(AuditEvent).where(AuditEvent.entity_type == entity, AuditEvent.entity_id.in_(ids)))
        session.execute(delete(model).where(model.organisation_id.in_(org_ids)))
    org_events = (AuditEvent.entity_type == "organisation", AuditEvent.entity_id.in_(org_ids))
    session.execute(delete(AuditEvent).where(*org_events))
    session.execute(delete(User).where(User.organisation_id.in_(org_ids)))
    session.execute(delete(Organisation).where(Organisation.id.in_(org_ids)))


@pytest.fixture
def org_admin(engine: Engine) -> Iterator[User]:
    with unit_of_work() as session:
        org = make_org(session, kind=OrgKind.university)
        admin = make_user(session, org, role=Role.org_admin, email=f"cli-admin-{org.id}@example.com")
    yield admin
    with unit_of_work() as session:
        _purge(session, [admin.organisation_id])


def _titles(org_id: int) -> list[str]:
    with unit_of_work() as session:
        stmt = select(ResearchOutput.title).where(ResearchOutput.organisation_id == org_id)
        return list(session.scalars(stmt.order_by(ResearchOutput.id)))


def test_import_outputs_from_csv(org_admin: User, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "outputs.csv"
    path.write_bytes("\ufefftitle,keywords,trl\n成果一,石墨烯|散热,5\nSecond,,\n".encode())
    result = runner.invoke(app, ["import", "outputs", str(path), "--as", org_admin.email.upper()])
    assert result.exit_code == 0, result.output
    assert "2 rows read, 2 outputs imported as drafts" in result.stdout
    assert _titles(org_admin.organisation_id) == ["成果一", "Second"]


def test_import_with_errors_imports_nothing_and_exits_1(org_admin: User, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "needs.jsonl"
    path.write_text('{"title": "fine"}\n{"title": "bad", "target_trl": 10}\n{"titel": "typo"}\n', encoding="utf-8")
    result = runner.invoke(app, ["import", "needs", str(path), "--as", org_admin.email])
    assert result.exit_code == 1
    assert "line 2, target_trl:" in result.stderr
    assert "line 3, titel: unknown field" in result.stderr
    assert "nothing imported" in result.stdout
    with unit_of_work() as session:
        stmt = select(TechnologyNeed.id).where(TechnologyNeed.organisation_id == org_admin.organisation_id)
        assert list(session.scalars(stmt)) == []

    result = runner.invoke(app, ["import", "needs", str(path), "--as", org_admin.email, "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert "1 needs imported" in result.stdout
    with unit_of_work() as session:
        stmt = select(TechnologyNeed.title).where(TechnologyNeed.organisation_id == org_admin.organisation_id)
        assert list(session.scalars(stmt)) == ["fine"]


def test_import_refuses_unknown_users_and_bad_files(org_admin: User, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "ok.csv"
    good.write_text("title\nx\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "outputs", str(good), "--as", "nobody@example.com"])
    assert result.exit_code == 2 and "no user" in result.stderr
    bad = tmp_path / "gbk.csv"
    bad.write_bytes("标题\n一\n".encode("gb18030"))
    result = runner.invoke(app, ["import", "outputs", str(bad), "--as", org_admin.email])
    assert result.exit_code == 1 and "UTF-8" in result.stderr
    assert _titles(org_admin.organisation_id) == []


def test_create_user_prompts_for_the_password(org_admin: User) -> None:
    email = f"new-{org_admin.organisation_id}@example.com"
    args = ["create-user", "--email", email, "--org-id", str(org_admin.organisation_id), "--role", "org_admin"]
    result = runner.invoke(app, args, input="Long-enough-1\nLong-enough-1\n")
    assert result.exit_code == 0, result.output
    assert "Long-enough-1" not in result.stdout
    with unit_of_work() as session:
        user = session.scalar(select(User).where(User.email == email))
        assert user is not None and user.role == "org_admin" and user.full_name == email.split("@")[0]
    # The rules of the API hold here too: agents belong to transfer agencies, e-mails are unique.
    agent = ["create-user", "--email", f"agent-{email}", "--org-id", str(org_admin.organisation_id), "--role", "agent"]
    result = runner.invoke(app, agent, input="Long-enough-1\nLong-enough-1\n")
    assert result.exit_code == 1 and "transfer" in result.stderr, result.output
    result = runner.invoke(app, args, input="Long-enough-1\nLong-enough-1\n")
    assert result.exit_code == 1 and "already registered" in result.stderr
    result = runner.invoke(app, ["create-user", "--email", "a@b.cn", "--org-id", "1", "--password", "short"])
    assert result.exit_code == 2 and "password" in result.stderr


def test_seed_demo_loads_once(engine: Engine) -> None:
    codes = [org.uscc for org in load_catalog().organisations]
    try:
        first = runner.invoke(app, ["seed-demo"])
        assert first.exit_code == 0, first.output
        assert "loaded 53 organisations" in first.stdout
        second = runner.invoke(app, ["seed-demo"])
        assert second.exit_code == 0 and "already present" in second.stdout
    finally:
        with unit_of_work() as session:
            _purge(session, list(session.scalars(select(Organisation.id).where(Organisation.uscc.in_(codes)))))
    with unit_of_work() as session:
        assert session.scalar(select(Organisation.id).where(Organisation.uscc.in_(codes))) is None
