import csv
import io

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind
from backend.core.db import utcnow
from tests.factories import make_need, make_org, make_output, make_user


def _all_pages(client: TestClient, path: str, limit: int) -> list[dict]:  # type: ignore[type-arg]
    items, params = [], f"limit={limit}"
    while True:
        body = client.get(f"{path}?{params}").json()
        items += body["items"]
        if body["next"] is None:
            return items
        params = f"limit={limit}&since={body['next']['since']}&after_id={body['next']['after_id']}".replace("+", "%2B")


def test_feed_serves_only_public_published_fields(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session, kind=OrgKind.university))
    public = make_output(session, user)
    make_output(session, user, status="draft")
    members_only = make_output(session, user, visibility="registered")
    body = client.get("/api/open/outputs").json()
    assert [item["id"] for item in body["items"] if not item["removed"]] == [public.id]
    # Published once but not public: only a tombstone, with no fields.
    tombstone = next(i for i in body["items"] if i["id"] == members_only.id)
    assert tombstone["removed"] is True and "title" not in tombstone
    assert not any("title" in i for i in body["items"] if i["removed"])
    item = body["items"][0]
    assert item["removed"] is False and item["asking_price"] == "500000.00"
    assert "confidential_detail" not in item and "owners" not in item
    assert "SECRET" not in client.get("/api/open/outputs").text


def test_keyset_pages_cover_everything_once(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    ids = {make_need(session, user).id for _ in range(7)}
    seen = [item["id"] for item in _all_pages(client, "/api/open/needs", limit=3)]
    assert sorted(seen) == sorted(ids)


def test_withdrawn_listing_comes_back_as_a_tombstone(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session, kind=OrgKind.university))
    output = make_output(session, user)
    first = client.get("/api/open/outputs").json()["items"]
    cursor = first[-1]["updated_at"]
    output.status = "withdrawn"
    output.updated_at = utcnow()
    session.flush()
    changed = client.get("/api/open/outputs", params={"since": cursor}).json()["items"]
    assert changed == [{"id": output.id, "removed": True, "updated_at": changed[0]["updated_at"]}]


def test_csv_export_has_a_header_and_rows(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session, kind=OrgKind.university))
    make_output(session, user)
    response = client.get("/api/open/outputs?format=csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0]["title"] == "高导热石墨烯散热膜制备技术"
    assert rows[0]["keywords"] == "石墨烯|散热"


def test_since_must_be_an_iso_time(client: TestClient, session: Session) -> None:
    assert client.get("/api/open/outputs", params={"since": "0"}).status_code == 422
    assert client.get("/api/open/outputs", params={"since": "2026-02-30T00:00:00"}).status_code == 422
    assert client.get("/api/open/outputs", params={"since": "2026-01-31T08:00:00Z"}).status_code == 200
