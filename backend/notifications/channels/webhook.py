"""Signed webhooks for organisations.

Each POST carries ``X-Techmatch-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body">``
with the endpoint's secret, so the receiver can check origin and freshness. Targets that
resolve to private, loopback, link-local or reserved addresses are refused (an endpoint must
not become a way into our own network) unless ``webhook_allow_private`` is set for development.
"""

import hashlib
import hmac
import ipaddress
import json
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from backend.core.config import Settings
from backend.core.db import utcnow
from backend.notifications.enums import DeliveryStatus
from backend.notifications.models import WebhookDelivery, WebhookEndpoint


class RefusedTarget(Exception):
    """The URL points somewhere we do not send to; retrying will not help."""


class WebhookHTTPError(Exception):
    pass


@dataclass(frozen=True)
class WebhookRequest:
    url: str
    body: bytes
    headers: dict[str, str]


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(secret: str, header: str, body: bytes, *, tolerance_seconds: int = 300) -> bool:
    """What a receiver does; used by the tests and documented for integrators."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance_seconds:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), header)


def check_target(url: str, *, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise RefusedTarget(f"not an http(s) URL: {url!r}")
    if allow_private:
        return
    if parts.scheme != "https":
        raise RefusedTarget("webhooks must use https")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global or address.is_multicast:
            raise RefusedTarget(f"{parts.hostname} resolves to a non-public address ({address})")


def prepare(session: Session, hook_id: int, *, settings: Settings) -> WebhookRequest | None:
    hook = session.get(WebhookDelivery, hook_id)
    if hook is None or hook.status in (DeliveryStatus.sent, DeliveryStatus.failed):
        return None
    endpoint = session.get(WebhookEndpoint, hook.endpoint_id)
    if endpoint is None or not endpoint.active:
        return None
    notification = hook.notification
    body = json.dumps(
        {
            "id": f"{notification.id}",
            "event": notification.event,
            "created_at": notification.created_at.isoformat(),
            "payload": notification.payload,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "techmatch-webhooks/1",
        "X-Techmatch-Event": notification.event,
        # Stable across retries: receivers drop a delivery id they have already processed.
        "X-Techmatch-Delivery": str(hook.id),
        "X-Techmatch-Signature": sign(endpoint.secret, timestamp, body),
    }
    return WebhookRequest(url=endpoint.url, body=body, headers=headers)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect could lead past the address check to a private host: a 3xx is an error here.
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def post(request: WebhookRequest, *, settings: Settings) -> int:
    check_target(request.url, allow_private=settings.webhook_allow_private)
    req = urllib.request.Request(request.url, data=request.body, headers=request.headers, method="POST")
    try:
        with _opener.open(req, timeout=settings.webhook_timeout_seconds) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        raise WebhookHTTPError(f"endpoint answered {exc.code}") from exc


def record_attempt(session: Session, hook_id: int, *, status: int | None, error: str | None, final: bool) -> None:
    hook = session.get(WebhookDelivery, hook_id)
    if hook is None:
        return
    hook.attempts += 1
    hook.response_status = status
    hook.last_error = error
    if error is None:
        hook.status, hook.sent_at = DeliveryStatus.sent, utcnow()
    elif final:
        hook.status = DeliveryStatus.failed
    session.flush()
