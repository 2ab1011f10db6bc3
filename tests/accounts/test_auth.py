from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation, User
from tests.factories import PASSWORD, auth, make_org, make_user, uscc

REGISTER = {
    "email": "Founder@Example.com",
    "password": "a long enough password",
    "full_name": "张三",
    "organisation": {"name": "广西某某科技有限公司", "kind": "enterprise", "region": "450100", "uscc": uscc(777)},
}


def _login(client: TestClient, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return client.post("/api/auth/login", json={"email": email, "password": password})


def test_register_creates_pending_org_and_admin(client: TestClient, session: Session) -> None:
    response = client.post("/api/auth/register", json=REGISTER)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["role"] == "org_admin"
    assert body["email"] == "founder@example.com"
    assert body["organisation"]["status"] == "pending"
    user = session.scalar(select(User).where(User.email == "founder@example.com"))
    assert user is not None and user.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_register_rejects_bad_credit_code(client: TestClient, session: Session) -> None:
    data = {**REGISTER, "organisation": {**REGISTER["organisation"], "uscc": "91450100MA5K000000"}}  # type: ignore[dict-item]
    response = client.post("/api/auth/register", json=data)
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert "check character" in response.json()["message"]
    assert session.scalar(select(Organisation).where(Organisation.name == "广西某某科技有限公司")) is None


def test_duplicate_email_is_a_conflict(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    data = {**REGISTER, "email": user.email.upper()}
    response = client.post("/api/auth/register", json=data)
    assert response.status_code == 409
    assert response.json()["code"] == "email_taken"


def test_login_then_me(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    tokens = _login(client, user.email).json()
    me = client.get("/api/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200
    assert me.json()["id"] == user.id


def test_unknown_user_and_wrong_password_answer_the_same(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    wrong = _login(client, user.email, "not the password")
    unknown = _login(client, "nobody@example.com", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_failed_logins_are_throttled(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    for _ in range(5):
        assert _login(client, user.email, "wrong password!").status_code == 401
    locked = _login(client, user.email)  # even the right password waits out the lock
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0
    # Unknown addresses are throttled the same way.
    for _ in range(5):
        _login(client, "ghost@example.com", "whatever pass")
    assert _login(client, "ghost@example.com", "whatever pass").status_code == 429


def test_refresh_rotates_and_reuse_ends_the_session(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    first = _login(client, user.email).json()
    second = client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    rotated = second.json()
    assert rotated["refresh_token"] != first["refresh_token"]
    # The spent token comes back: treat it as stolen and revoke the whole family.
    reuse = client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reuse.status_code == 401
    after = client.post("/api/auth/refresh", json={"refresh_token": rotated["refresh_token"]})
    assert after.status_code == 401


def test_logout_revokes_access_and_refresh(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    tokens = _login(client, user.email).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    out = client.post("/api/auth/logout", headers=headers, json={"refresh_token": tokens["refresh_token"]})
    assert out.status_code == 204
    assert client.get("/api/me", headers=headers).status_code == 401
    assert client.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).status_code == 401


def test_locale_is_remembered(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    response = client.patch("/api/me", headers=auth(user), json={"locale": "en"})
    assert response.status_code == 200
    assert client.get("/api/me", headers=auth(user)).json()["locale"] == "en"
