"""HTTP routes of the in-app channel and of each user's notification preferences."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status

from backend.accounts.deps import CurrentUser, require_roles
from backend.accounts.enums import Role
from backend.accounts.models import User
from backend.core.config import get_settings
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.pagination import Page, PageDep
from backend.core.params import IdPath
from backend.notifications import service, webhooks
from backend.notifications.channels import templates
from backend.notifications.models import Delivery
from backend.notifications.schemas import (
    MarkedRead,
    NotificationOut,
    PreferencesIn,
    PreferencesOut,
    UnreadCount,
    WebhookCreated,
    WebhookIn,
    WebhookOut,
)

router = APIRouter(prefix="/notifications", tags=["notifications"], responses=ERROR_RESPONSES)
OrgManager = Annotated[User, Depends(require_roles(Role.org_admin, Role.platform_admin))]


def _out(delivery: Delivery, locale: str) -> NotificationOut:
    n = delivery.notification
    title, body = templates.headline(n.event, n.payload, locale)
    return NotificationOut(
        id=delivery.id,
        event=n.event,
        title=title,
        body=body,
        link=templates.link(n.payload, get_settings().public_base_url),
        payload=n.payload,
        created_at=n.created_at,
        read_at=delivery.read_at,
    )


@router.get("", operation_id="listNotifications", response_model=Page[NotificationOut])
def list_notifications(
    session: SessionDep,
    user: CurrentUser,
    paging: PageDep,
    unread: Annotated[bool, Query(description="Only notifications not read yet")] = False,
) -> Any:
    """Your in-app notifications, newest first."""
    rows, total = service.list_inbox(
        session, user=user, unread_only=unread, offset=paging.offset, limit=paging.page_size
    )
    return Page(items=[_out(r, user.locale) for r in rows], total=total, page=paging.page, page_size=paging.page_size)


@router.get("/unread-count", operation_id="countUnreadNotifications")
def unread_count(session: SessionDep, user: CurrentUser) -> UnreadCount:
    return UnreadCount(unread=service.unread_count(session, user=user))


@router.post("/read-all", operation_id="markAllNotificationsRead")
def read_all(session: SessionDep, user: CurrentUser) -> MarkedRead:
    return MarkedRead(marked=service.mark_all_read(session, user=user))


@router.post("/{notification_id}/read", operation_id="markNotificationRead")
def read_one(session: SessionDep, user: CurrentUser, notification_id: IdPath) -> NotificationOut:
    return _out(service.mark_read(session, user=user, delivery_id=notification_id), user.locale)


@router.get("/preferences", operation_id="getNotificationPreferences")
def get_preferences(session: SessionDep, user: CurrentUser) -> PreferencesOut:
    return PreferencesOut.model_validate(service.get_preferences(session, user=user))


@router.put("/preferences", operation_id="setNotificationPreferences")
def put_preferences(session: SessionDep, user: CurrentUser, data: PreferencesIn) -> PreferencesOut:
    """Channels (in-app, e-mail) and e-mail rhythm: each event at once, or one daily digest."""
    pref = service.set_preferences(
        session,
        user=user,
        in_app=data.in_app,
        email=data.email,
        email_mode=data.email_mode,
        muted_events=data.muted_events,
    )
    return PreferencesOut.model_validate(pref)


@router.get("/webhooks", operation_id="listWebhooks")
def list_webhooks(session: SessionDep, user: OrgManager) -> list[WebhookOut]:
    """Your organisation's webhook endpoints."""
    return [WebhookOut.model_validate(e) for e in webhooks.list_for(session, actor=user)]


@router.post("/webhooks", status_code=status.HTTP_201_CREATED, operation_id="createWebhook")
def create_webhook(session: SessionDep, user: OrgManager, data: WebhookIn) -> WebhookCreated:
    """Register an https endpoint; the signing secret is in this answer only."""
    endpoint = webhooks.register(session, actor=user, url=data.url, events=data.events)
    return WebhookCreated.model_validate(endpoint)


@router.delete("/webhooks/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="deleteWebhook")
def delete_webhook(session: SessionDep, user: OrgManager, webhook_id: IdPath) -> None:
    webhooks.remove(session, actor=user, endpoint_id=webhook_id)
