"""The e-mail channel: build a multipart message and hand it to SMTP or the local outbox.

The Message-ID is derived from the delivery id, so every attempt at the same delivery sends
the same message: a receiver (or a human) can tell a rare duplicate from a second notice.
With no SMTP host (the embedded run) messages are written to ``var/mail/`` as .eml files,
named after the delivery, so a repeated attempt overwrites rather than duplicates.
"""

import contextlib
import os
import smtplib
import tempfile
import threading
import time
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from backend.core.config import Settings
from backend.notifications.channels.templates import Rendered

# Each worker thread keeps its SMTP connection for a while: a new TCP + EHLO (+ TLS, login)
# per message costs more than the message.
_local = threading.local()
_IDLE_SECONDS = 30.0


def message_id(delivery_id: int) -> str:
    return f"<delivery-{delivery_id}@techmatch>"


def build(*, delivery_id: int, to: str, rendered: Rendered, settings: Settings) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = rendered.subject
    msg["From"] = settings.mail_from
    msg["To"] = to
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id(delivery_id)
    msg["X-Techmatch-Delivery"] = str(delivery_id)
    msg.set_content(rendered.text)
    msg.add_alternative(rendered.html, subtype="html")
    return msg


def send(msg: EmailMessage, *, settings: Settings) -> None:
    if not settings.smtp_host:
        _write_local(msg, settings.mail_dir)
        return
    smtp = _connection(settings)
    try:
        smtp.send_message(msg)
    except smtplib.SMTPResponseException:
        try:
            smtp.rset()  # a refused message usually leaves the connection usable
        except (OSError, smtplib.SMTPException):
            _drop()
        raise
    except Exception:
        _drop()  # unknown state: never reuse it
        raise
    _local.last_used = time.monotonic()


def _connection(settings: Settings) -> smtplib.SMTP:
    smtp: smtplib.SMTP | None = getattr(_local, "smtp", None)
    key = (settings.smtp_host, settings.smtp_port)
    fresh = smtp is not None and getattr(_local, "key", None) == key
    if fresh and time.monotonic() - getattr(_local, "last_used", 0.0) > _IDLE_SECONDS:
        fresh = False  # servers drop idle clients; do not find out in the middle of DATA
    if smtp is not None and not fresh:
        _drop()
        smtp = None
    if smtp is None:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds)
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password)
        _local.smtp, _local.key = smtp, key
    return smtp


def _drop() -> None:
    smtp = getattr(_local, "smtp", None)
    _local.smtp = None
    if smtp is not None:
        with contextlib.suppress(OSError):
            smtp.close()


def _write_local(msg: EmailMessage, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = f"delivery-{msg['X-Techmatch-Delivery']}.eml"
    # Write then rename: a reader never sees half a message, a repeat replaces the file.
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(msg.as_bytes())
    os.replace(tmp, folder / name)
