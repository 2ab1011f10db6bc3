"""Request and response shapes of the notifications API."""

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from backend.notifications.enums import EmailMode

# https only; whether the host is private is judged on its resolved address before each POST.
WEBHOOK_URL = r"^https://[A-Za-z0-9][A-Za-z0-9.-]{0,252}(:[1-9][0-9]{0,4})?(/[!-~]*)?$"
EventName = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z_]+(\.[a-z_]+)*$")]


class NotificationOut(BaseModel):
    id: int = Field(description="Id of this in-app notification (use it to mark it read)")
    event: str
    title: str = Field(description="One line in the reader's language")
    body: str
    link: str | None
    payload: dict[str, Any]
    created_at: datetime
    read_at: datetime | None


class UnreadCount(BaseModel):
    unread: int


class MarkedRead(BaseModel):
    marked: int


class PreferencesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Strict: 0, "yes" or "1" are not booleans here; a client that sends them has a bug to hear about.
    in_app: StrictBool = True
    email: StrictBool = True
    email_mode: EmailMode = EmailMode.immediate
    muted_events: Annotated[list[EventName], Field(max_length=50)] = Field(default_factory=list)


class PreferencesOut(PreferencesIn):
    model_config = ConfigDict(from_attributes=True)


class WebhookIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: Annotated[str, StringConstraints(max_length=500, pattern=WEBHOOK_URL)] = Field(
        description="https URL that receives POSTs signed with X-Techmatch-Signature"
    )
    events: Annotated[list[EventName], Field(max_length=50)] = Field(
        default_factory=list, description="Events to send; empty means all"
    )


class WebhookOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    events: list[str]
    created_at: datetime


class WebhookCreated(WebhookOut):
    secret: str = Field(description="HMAC-SHA256 key for verifying signatures; shown only once")
