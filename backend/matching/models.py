"""What users said about a suggested match: interested, or not relevant (then it stops appearing)."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.core.db import Base, UTCDateTime, utcnow


class MatchFeedback(Base):
    __tablename__ = "match_feedback"
    __table_args__ = (UniqueConstraint("organisation_id", "need_id", "output_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    need_id: Mapped[int] = mapped_column(ForeignKey("technology_needs.id"), index=True)
    output_id: Mapped[int] = mapped_column(ForeignKey("research_outputs.id"), index=True)
    verdict: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
