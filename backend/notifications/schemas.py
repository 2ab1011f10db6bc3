"""Request and response shapes of the notifications API."""

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from backend.notifications.enums import EmailMode

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

    in_app: bool = True
    email: bool = True
    email_mode: EmailMode = EmailMode.immediate
    muted_events: Annotated[list[EventName], Field(max_length=50)] = Field(default_factory=list)


class PreferencesOut(PreferencesIn):
    model_config = ConfigDict(from_attributes=True)
