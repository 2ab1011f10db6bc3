"""POST /api/imports/{kind}: organisation admins only, the report, and bad or large files."""

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.listings.import_router import MAX_IMPORT_BYTES
from backend.listings.models import TechnologyNeed
from tests.factories import auth, make_org, make_user

NEEDS_CSV = "\ufefftitle,description,cooperation_modes,target_trl\n需求A,描述,assignment|equity,6\n需求B,,,\n"


def _upload(content: bytes | str, name: str = "needs.csv") -> dict[str, tuple[str, bytes, str]]:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return {"file": (name, data, "text/csv")}


def _needs_of(session: Session, org_id: int) -> int:
    stmt = select(func.count()).select_from(TechnologyNeed).where(TechnologyNeed.organisation_id == org_id)
    return session.scalar(stmt) or 0


def test_org_admin_imports_and_gets_the_report(client: TestClient, session: Session) -> None:
    admin = make_user(session, make_org(session), role=Role.org_admin)
    response = client.post("/api/imports/needs", headers=auth(admin), files=_upload(NEEDS_CSV))
    assert response.status_code == 200, response.text
    report = response.json()
    assert set(report) == {
        "kind", "format", "rows", "valid", "imported", "skipped", "error_count", "errors", "created_ids"
    }  # fmt: skip
    assert (report["kind"], report["format"], report["imported"], report["errors"]) == ("needs", "csv", 2, [])
    assert _needs_of(session, admin.organisation_id) == 2
    mine = client.get(f"/api/needs/{report['created_ids'][0]}", headers=auth(admin))
    assert mine.status_code == 200 and mine.json()["status"] == "draft"


def test_row_errors_are_reported_and_nothing_stored_unless_skip_invalid(client: TestClient, session: Session) -> None:
    admin = make_user(session, make_org(session), role=Role.org_admin)
    text = '{"title": "ok"}\n{"title": "", "deadline": "tomorrow"}\n'
    response = client.post("/api/imports/needs", headers=auth(admin), files=_upload(text, "n.jsonl"))
    assert response.status_code == 200
    report = response.json()
    assert report["imported"] == 0
    assert {(e["line"], e["field"]) for e in report["errors"]} == {(2, "title"), (2, "deadline")}
    assert _needs_of(session, admin.organisation_id) == 0

    response = client.post(
        "/api/imports/needs", headers=auth(admin), params={"skip_invalid": True}, files=_upload(text, "n.jsonl")
    )
    assert (response.json()["imported"], response.json()["skipped"]) == (1, 1)
    assert _needs_of(session, admin.organisation_id) == 1


def test_only_organisation_admins_may_import(client: TestClient, session: Session) -> None:
    member = make_user(session, make_org(session), role=Role.member)
    agent = make_user(session, make_org(session, kind=OrgKind.transfer_agency), role=Role.agent)
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    for user in (member, agent, reviewer):
        response = client.post("/api/imports/outputs", headers=auth(user), files=_upload("title\nx\n"))
        assert response.status_code == 403, user.role
        assert _needs_of(session, user.organisation_id) == 0
    assert client.post("/api/imports/outputs", files=_upload("title\nx\n")).status_code == 401


def test_bad_and_oversized_files_are_refused(client: TestClient, session: Session) -> None:
    admin = make_user(session, make_org(session), role=Role.org_admin)
    headers = auth(admin)
    bad = client.post("/api/imports/outputs", headers=headers, files=_upload("标题\n一\n".encode("gb18030")))
    assert bad.status_code == 422 and bad.json()["code"] == "bad_import_file"
    assert "UTF-8" in bad.json()["message"]
    assert client.post("/api/imports/outputs", headers=headers, files=_upload("")).status_code == 422
    assert client.post("/api/imports/widgets", headers=headers, files=_upload("title\nx\n")).status_code == 422
    assert client.post("/api/imports/outputs", headers=headers).status_code == 422
    big = "title\n" + "x" * (MAX_IMPORT_BYTES + 10) + "\n"
    too_large = client.post("/api/imports/outputs", headers=headers, files=_upload(big))
    assert too_large.status_code == 413 and too_large.json()["code"] == "payload_too_large"
