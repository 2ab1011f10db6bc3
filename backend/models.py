"""Every ORM model, imported so Alembic and the tests see the whole metadata."""

from backend.accounts.models import LoginThrottle, Organisation, RefreshToken, RevokedAccessToken, User
from backend.core.audit import AuditEvent
from backend.core.db import Base
from backend.deals.models import (
    Commission,
    Contract,
    Deal,
    DealDocument,
    Interest,
    LedgerEntry,
    Payment,
    Registration,
    SalesReport,
)
from backend.jobs.models import FailedTask, Job
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.listings.nda import NdaAcceptance
from backend.matching.models import MatchFeedback
from backend.notifications.models import (
    Delivery,
    Notification,
    NotificationPreference,
    OutboxMessage,
    WebhookDelivery,
    WebhookEndpoint,
)
from backend.policy.models import ApplicationReview, StoredRuleSet, SubsidyApplication
from backend.searches.models import SavedSearch
from backend.stats.models import StatsTarget

__all__ = [  # noqa: RUF022 - appended by domain, so parallel edits do not collide
    "Commission",
    "Contract",
    "Deal",
    "DealDocument",
    "Interest",
    "LedgerEntry",
    "NdaAcceptance",
    "Payment",
    "Registration",
    "SalesReport",
    "AuditEvent",
    "Base",
    "Delivery",
    "FailedTask",
    "Job",
    "LoginThrottle",
    "Notification",
    "NotificationPreference",
    "OutboxMessage",
    "MatchFeedback",
    "Organisation",
    "RefreshToken",
    "ResearchOutput",
    "RevokedAccessToken",
    "StoredRuleSet",
    "SubsidyApplication",
    "ApplicationReview",
    "StatsTarget",
    "SavedSearch",
    "TechnologyNeed",
    "User",
    "WebhookDelivery",
    "WebhookEndpoint",
]
