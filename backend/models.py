"""Every ORM model, imported so Alembic and the tests see the whole metadata."""

from backend.accounts.models import LoginThrottle, Organisation, RefreshToken, RevokedAccessToken, User
from backend.core.audit import AuditEvent
from backend.core.db import Base
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.matching.models import MatchFeedback

__all__ = [
    "AuditEvent",
    "Base",
    "LoginThrottle",
    "MatchFeedback",
    "Organisation",
    "RefreshToken",
    "ResearchOutput",
    "RevokedAccessToken",
    "TechnologyNeed",
    "User",
]
