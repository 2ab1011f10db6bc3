"""Object-level authorization: enterprise A can neither read nor change enterprise B's drafts or secrets.

Every route of the app with an ``{..._id}`` path parameter is enumerated from the app, so a new
route is covered as soon as it exists. Confidential detail is checked in the raw response text
by a marker string, so it cannot leak through lists, search, the queue or error messages.
"""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.listings.models import ResearchOutput
from tests.api.routes import app_routes
from tests.factories import auth, make_need, make_org, make_output, make_user

MARKER = "CONFIDENTIAL-MARKER-9d41c7"
# Reads that are public by design when the object is public: B's organisation profile.
PUBLIC_READS = {("GET", "/api/organisations/{org_id}")}


def _scene(session: Session) -> dict[str, Any]:
    a = make_user(session, make_org(session), role=Role.org_admin)
    b = make_user(session, make_org(session), role=Role.org_admin)
    draft_output = make_output(session, b, status="draft", title="B的草稿", confidential_detail=MARKER)
    draft_need = make_need(session, b, status="draft", title="B的需求草稿", description=f"draft {MARKER}")
    published = make_output(session, b, title="B已发布的成果", confidential_detail=MARKER)
    pending = make_output(session, b, status="pending_review", confidential_detail=MARKER)
    return {
        "a": a,
        "b": b,
        "draft_output": draft_output,
        "draft_need": draft_need,
        "published": published,
        "pending": pending,
    }


def _id_values(scene: dict[str, Any], path: str) -> dict[str, Any]:
    outputs = path.startswith("/api/outputs")
    return {
        "listing_id": scene["draft_output"].id if outputs else scene["draft_need"].id,
        "output_id": scene["draft_output"].id,
        "need_id": scene["draft_need"].id,
        "org_id": scene["b"].organisation_id,
    }


def test_every_id_route_refuses_another_organisations_drafts(client: TestClient, session: Session, app: Any) -> None:
    scene = _scene(session)
    id_routes = [r for r in app_routes(app) if any(p.endswith("_id") for p in r.params)]
    assert len(id_routes) >= 16  # listings and organisations alone have that many
    problems = []
    for route in id_routes:
        values = {p: 1 for p in route.params} | _id_values(scene, route.path)
        url = route.url({p: values[p] for p in route.params})
        body = {"version": 1, "title": f"hijack {MARKER}", "decision": "approve", "name": "x"}
        kwargs: dict[str, Any] = {"headers": auth(scene["a"])}
        if route.method in ("POST", "PUT", "PATCH"):
            kwargs["json"] = body
        response = client.request(route.method, url, **kwargs)
        if MARKER in response.text:
            problems.append(f"{route.method} {url} leaked the confidential marker")
        if 200 <= response.status_code < 300 and (route.method, route.template) not in PUBLIC_READS:
            problems.append(f"{route.method} {url} answered {response.status_code} to another organisation")
    assert not problems, "\n".join(problems)
    # Nothing changed underneath.
    session.expire_all()
    draft = session.get(ResearchOutput, scene["draft_output"].id)
    assert draft is not None and draft.title == "B的草稿" and draft.status == "draft" and draft.deleted_at is None


def test_published_listing_hides_confidential_detail_from_others(client: TestClient, session: Session) -> None:
    scene = _scene(session)
    url = f"/api/outputs/{scene['published'].id}"
    for headers in ({}, auth(scene["a"])):
        response = client.get(url, headers=headers)
        assert response.status_code == 200
        assert MARKER not in response.text and response.json()["confidential_detail"] is None
    owner_view = client.get(url, headers=auth(scene["b"]))
    assert owner_view.json()["confidential_detail"] == MARKER


def test_confidential_detail_never_in_lists_search_queue_or_errors(client: TestClient, session: Session) -> None:
    scene = _scene(session)
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    a_headers = auth(scene["a"])
    requests = [
        ("GET", "/api/outputs?page_size=100", {}),
        ("GET", "/api/outputs?page_size=100", a_headers),
        ("GET", "/api/outputs?page_size=100&mine=true", auth(scene["b"])),  # lists never carry it
        ("GET", f"/api/outputs?q={MARKER}", a_headers),
        ("GET", "/api/outputs?q=B", a_headers),
        ("GET", "/api/needs?page_size=100", a_headers),
        ("GET", "/api/outputs/queue", a_headers),
        ("PATCH", f"/api/outputs/{scene['published'].id}", a_headers),
        ("POST", f"/api/outputs/{scene['draft_output'].id}/submit", a_headers),
    ]
    for method, url, headers in requests:
        response = client.request(method, url, headers=headers, json={"version": 1, "summary": MARKER})
        assert MARKER not in response.text, f"{method} {url}"
    search = client.get(f"/api/outputs?q={MARKER}", headers=a_headers).json()
    assert search["total"] == 0
    # A validation error does not echo the offending input back.
    bad = client.post("/api/outputs", headers=a_headers, json={"title": MARKER, "trl": f"x{MARKER}"})
    assert bad.status_code == 422 and MARKER not in bad.text
    # Reviewers may read the detail; their queue is theirs only.
    queue = client.get("/api/outputs/queue?page_size=100", headers=auth(reviewer))
    assert scene["pending"].id in [i["id"] for i in queue.json()["items"]]


def test_other_organisation_cannot_list_or_change_drafts(client: TestClient, session: Session) -> None:
    scene = _scene(session)
    a_headers = auth(scene["a"])
    ids = [i["id"] for i in client.get("/api/outputs?page_size=100&status=draft", headers=a_headers).json()["items"]]
    assert scene["draft_output"].id not in ids
    ids = [
        i["id"]
        for i in client.get(
            f"/api/outputs?page_size=100&organisation_id={scene['b'].organisation_id}", headers=a_headers
        ).json()["items"]
    ]
    assert scene["draft_output"].id not in ids and scene["published"].id in ids
    # Published but someone else's: readable, not changeable.
    published = scene["published"].id
    edit = client.patch(f"/api/outputs/{published}", headers=a_headers, json={"version": 1, "title": "改"})
    assert edit.status_code == 403 and edit.json()["code"] == "not_owner"
    assert client.delete(f"/api/outputs/{published}", headers=a_headers).status_code == 403
    assert client.post(f"/api/outputs/{published}/withdraw", headers=a_headers).status_code == 403
