"""The e-mail channel: build a multipart message and hand it to SMTP or the local outbox.

The Message-ID is derived from the delivery id, so every attempt at the same delivery sends
the same message: a receiver (or a human) can tell a rare duplicate from a second notice.
With no SMTP host (the embedded run) messages are written to ``var/mail/`` as .eml files,
named after the delivery, so a repeated attempt overwrites rather than duplicates.
"""

import os
import smtplib
import tempfile
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from backend.core.config import Settings
from backend.notifications.channels.templates import Rendered


def message_id(delivery_id: int) -> str:
    return f"<delivery-{delivery_id}@techmatch>"


def build(*, delivery_id: int, to: str, rendered: Rendered, settings: Settings) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = rendered.subject
    msg["From"] = settings.mail_from
    msg["To"] = to
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id(delivery_id) if delivery_id else make_msgid(domain="techmatch")
    msg["X-Techmatch-Delivery"] = str(delivery_id)
    msg.set_content(rendered.text)
    msg.add_alternative(rendered.html, subtype="html")
    return msg


def send(msg: EmailMessage, *, settings: Settings) -> None:
    if not settings.smtp_host:
        _write_local(msg, settings.mail_dir)
        return
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password)
        smtp.send_message(msg)


def _write_local(msg: EmailMessage, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = f"delivery-{msg['X-Techmatch-Delivery']}.eml"
    # Write then rename: a reader never sees half a message, a repeat replaces the file.
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(msg.as_bytes())
    os.replace(tmp, folder / name)
