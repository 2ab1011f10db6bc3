"""Hostile input gets a 4xx with a clear JSON message, and nothing is stored."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation, User
from backend.core.audit import AuditEvent
from backend.listings.models import ResearchOutput, TechnologyNeed
from tests.factories import auth, make_org, make_output, make_user

HUGE = 2**64 + 1


def _counts(session: Session) -> dict[str, int]:
    models = (ResearchOutput, TechnologyNeed, AuditEvent, Organisation, User)
    return {m.__name__: session.scalar(select(func.count()).select_from(m)) or 0 for m in models}


def _assert_clear_error(response: Any) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"code", "message", "details"}
    assert isinstance(body["code"], str) and body["code"]
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["details"], list)
    assert len(response.content) < 5000  # the input is not echoed back


BAD_BODIES: list[tuple[str, Any]] = [
    ("nul in title", {"title": "石墨烯\x00散热"}),
    ("nul in keyword", {"title": "ok", "keywords": ["a\x00b"]}),
    ("overlong title", {"title": "长" * 201}),
    ("overlong summary", {"title": "ok", "summary": "x" * 4001}),
    ("overlong confidential", {"title": "ok", "confidential_detail": "x" * 20001}),
    ("huge trl", {"title": "ok", "trl": HUGE}),
    ("huge price", {"title": "ok", "asking_price": str(HUGE)}),
    ("huge price number", {"title": "ok", "asking_price": HUGE}),
    ("float price", {"title": "ok", "asking_price": 0.57}),
    ("trl as string", {"title": "ok", "trl": "6"}),
    ("trl as bool", {"title": "ok", "trl": True}),
    ("title as number", {"title": 12345}),
    ("title as list", {"title": ["a"]}),
    ("keywords as string", {"title": "ok", "keywords": "石墨烯"}),
    ("unknown enum", {"title": "ok", "transfer_modes": ["steal"]}),
    ("unknown region", {"title": "ok", "region": "999999"}),
    ("body is a list", [{"title": "ok"}]),
    ("body is a string", "title"),
]


@pytest.mark.parametrize(("name", "payload"), BAD_BODIES, ids=[n for n, _ in BAD_BODIES])
def test_bad_bodies_are_refused_and_store_nothing(
    client: TestClient, session: Session, name: str, payload: Any
) -> None:
    user = make_user(session, make_org(session))
    before = _counts(session)
    response = client.post("/api/outputs", headers=auth(user), json=payload)
    _assert_clear_error(response)
    assert response.json()["code"] == "validation_error", name
    assert _counts(session) == before


@pytest.mark.parametrize(
    "raw",
    [
        b'{"title": "unterminated',
        b"{'title': 'single quotes'}",
        b"\xff\xfe\x00garbage",
        b"",
        b'{"title": "a"} trailing',
    ],
)
def test_malformed_json_is_refused(client: TestClient, session: Session, raw: bytes) -> None:
    user = make_user(session, make_org(session))
    before = _counts(session)
    headers = auth(user) | {"Content-Type": "application/json"}
    response = client.post("/api/outputs", headers=headers, content=raw)
    _assert_clear_error(response)
    assert _counts(session) == before


def test_edit_with_bad_input_changes_nothing(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    output = make_output(session, user, status="draft", title="原标题")
    before = _counts(session)
    for payload in (
        {"version": HUGE, "title": "新"},
        {"version": 1, "title": "新\x00"},
        {"version": "1", "title": "新"},
    ):
        _assert_clear_error(client.patch(f"/api/outputs/{output.id}", headers=auth(user), json=payload))
    session.expire_all()
    assert session.get_one(ResearchOutput, output.id).title == "原标题"
    assert _counts(session) == before


@pytest.mark.parametrize(
    "url",
    [
        "/api/outputs?q=%00",
        "/api/outputs?q=abc%00def",
        "/api/outputs/1%00",
        f"/api/outputs?trl_min={HUGE}",
        f"/api/outputs?organisation_id={HUGE}",
        f"/api/outputs?price_max={HUGE}",
        f"/api/outputs?page={HUGE}",
        f"/api/outputs?page_size={HUGE}",
        "/api/outputs?page_size=abc",
        "/api/outputs?trl_min=1.5",
        f"/api/outputs?q={'长' * 201}",
        f"/api/outputs/{HUGE}",
        f"/api/organisations/{HUGE}",
        f"/api/needs/{HUGE}/history",
        "/api/organisations/abc",
        "/api/outputs?sort=;drop table research_outputs",
    ],
)
def test_bad_query_and_path_values_get_a_clear_4xx(client: TestClient, session: Session, url: str) -> None:
    user = make_user(session, make_org(session))
    _assert_clear_error(client.get(url, headers=auth(user)))


def test_a_20_mb_body_is_refused_before_parsing(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    before = _counts(session)
    payload = b'{"title": "big", "summary": "' + b"x" * (20 * 1024 * 1024) + b'"}'
    headers = auth(user) | {"Content-Type": "application/json"}
    response = client.post("/api/outputs", headers=headers, content=payload)
    _assert_clear_error(response)
    assert response.status_code == 413 and response.json()["code"] == "payload_too_large"
    assert _counts(session) == before


def test_a_streamed_20_mb_body_without_length_is_refused(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    before = _counts(session)

    def chunks() -> Any:
        yield b'{"title": "big", "summary": "'
        for _ in range(20):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    headers = auth(user) | {"Content-Type": "application/json"}
    response = client.post("/api/outputs", headers=headers, content=chunks())
    _assert_clear_error(response)
    assert response.status_code == 413
    assert _counts(session) == before
