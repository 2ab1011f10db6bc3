"""Channels in-process: templates, e-mail building, webhook signing, target checks and the webhook API."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.core.config import get_settings
from backend.notifications.channels import email, templates, webhook
from backend.notifications.models import OutboxMessage, WebhookDelivery, WebhookEndpoint
from backend.notifications.service import emit
from tests.factories import auth, make_org, make_user


def test_templates_speak_both_languages_and_escape_html() -> None:
    payload = {"kind": "output", "listing_id": 5, "title": "<script>x</script>", "reason": "补充材料"}
    zh = templates.render("listing.rejected", payload, "zh-CN", base_url="https://tm.example")
    en = templates.render("listing.rejected", payload, "en", base_url="https://tm.example")
    assert zh.subject == "您的科技成果未通过审核：<script>x</script>"
    assert "原因：补充材料" in zh.text and "https://tm.example/outputs/5" in zh.text
    assert en.subject.startswith("Your research output was rejected")
    assert "<script>" not in en.html and "&lt;script&gt;" in en.html
    assert templates.headline("deal.signed", {}, "en") == ("techmatch: deal.signed", "deal.signed")


def test_email_has_plain_and_html_parts_and_a_stable_message_id() -> None:
    rendered = templates.render("match.new", {"title": "需求", "score": "0.9"}, "zh-CN", base_url="http://x")
    one = email.build(delivery_id=77, to="a@example.com", rendered=rendered, settings=get_settings())
    two = email.build(delivery_id=77, to="a@example.com", rendered=rendered, settings=get_settings())
    assert one["Message-ID"] == two["Message-ID"] == "<delivery-77@techmatch>"
    assert [p.get_content_type() for p in one.walk()] == ["multipart/alternative", "text/plain", "text/html"]


def test_signature_verifies_and_detects_tampering() -> None:
    header = webhook.sign("s3cret", 1_900_000_000, b'{"a":1}')
    assert header.startswith("t=1900000000,v1=")
    import time

    now = int(time.time())
    good = webhook.sign("s3cret", now, b'{"a":1}')
    assert webhook.verify("s3cret", good, b'{"a":1}')
    assert not webhook.verify("s3cret", good, b'{"a":2}')
    assert not webhook.verify("other", good, b'{"a":1}')
    assert not webhook.verify("s3cret", webhook.sign("s3cret", now - 3600, b"{}"), b"{}")  # replayed


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/h",
        "https://10.1.2.3/h",
        "https://localhost/h",
        "https://[::1]/h",
        "https://169.254.169.254/",
        "http://example.com/h",
        "ftp://example.com/",
    ],
)
def test_private_loopback_and_plain_http_targets_are_refused(url: str) -> None:
    with pytest.raises(webhook.RefusedTarget):
        webhook.check_target(url, allow_private=False)


def test_development_setting_allows_local_targets() -> None:
    webhook.check_target("http://127.0.0.1:9/h", allow_private=True)


class _Receiver(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[dict[str, str], bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_webhook_delivery_is_signed_and_recorded(session: Session) -> None:
    org = make_org(session)
    user = make_user(session, org)
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/hook"
        endpoint = WebhookEndpoint(organisation_id=org.id, url=url, secret="k" * 64, events=["match.new"])
        session.add(endpoint)
        session.flush()
        emit(session, event="listing.approved", payload={}, recipients=[user.id])  # not subscribed
        note = emit(session, event="match.new", payload={"title": "需求"}, recipients=[user.id])
        (hook,) = session.scalars(select(WebhookDelivery)).all()
        assert hook.notification_id == note.id
        assert [m.task for m in session.scalars(select(OutboxMessage))].count(
            "techmatch.notifications.deliver_webhook"
        ) == 1

        settings = get_settings().model_copy(update={"webhook_allow_private": True})
        request = webhook.prepare(session, hook.id, settings=settings)
        assert request is not None
        assert webhook.post(request, settings=settings) == 204
        webhook.record_attempt(session, hook.id, status=204, error=None, final=False)
        headers, body = _Receiver.received[-1]
        assert webhook.verify("k" * 64, headers["X-Techmatch-Signature"], body)
        assert headers["X-Techmatch-Event"] == "match.new"
        assert json.loads(body)["payload"] == {"title": "需求"}
        assert hook.status == "sent" and webhook.prepare(session, hook.id, settings=settings) is None

        strict = get_settings().model_copy(update={"webhook_allow_private": False})
        with pytest.raises(webhook.RefusedTarget):
            webhook.post(request, settings=strict)
    finally:
        server.shutdown()


def test_webhook_api_for_organisation_admins(client, session: Session) -> None:
    org = make_org(session, kind=OrgKind.enterprise)
    admin = make_user(session, org, role=Role.org_admin)
    member = make_user(session, org)
    stranger = make_user(session, make_org(session), role=Role.org_admin)
    session.commit()
    body = {"url": "https://hooks.example.com/techmatch", "events": ["listing.approved"]}
    created = client.post("/api/notifications/webhooks", headers=auth(admin), json=body)
    assert created.status_code == 201, created.text
    assert len(created.json()["secret"]) == 64
    listed = client.get("/api/notifications/webhooks", headers=auth(admin)).json()
    assert [(w["url"], w["events"]) for w in listed] == [(body["url"], body["events"])]
    assert "secret" not in listed[0]
    assert client.get("/api/notifications/webhooks", headers=auth(member)).status_code == 403
    assert (
        client.post("/api/notifications/webhooks", headers=auth(admin), json={"url": "http://x.example"}).status_code
        == 422
    )
    hook_id = created.json()["id"]
    assert client.delete(f"/api/notifications/webhooks/{hook_id}", headers=auth(stranger)).status_code == 404
    assert client.delete(f"/api/notifications/webhooks/{hook_id}", headers=auth(admin)).status_code == 204
    assert client.get("/api/notifications/webhooks", headers=auth(admin)).json() == []
