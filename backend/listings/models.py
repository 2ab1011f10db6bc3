"""ORM models of research outputs (科技成果) and technology needs (技术需求)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from backend.core.db import Base, UTCDateTime, utcnow


class ListingColumns:
    """Columns every listing has: ownership, taxonomy, visibility, workflow, versioning."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    field_code: Mapped[str | None] = mapped_column(String(64), index=True)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    screening_questions: Mapped[list[str]] = mapped_column(JSON, default=list)
    region: Mapped[str | None] = mapped_column(String(6), index=True)
    visibility: Mapped[str] = mapped_column(String(16), default="public")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    review_reason: Mapped[str | None] = mapped_column(String(1000))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Optimistic locking: an UPDATE with a stale version matches no row and fails.
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class ResearchOutput(ListingColumns, Base):
    __tablename__ = "research_outputs"

    summary: Mapped[str | None] = mapped_column(String(4000))
    confidential_detail: Mapped[str | None] = mapped_column(String(20000))
    problem_solved: Mapped[str | None] = mapped_column(String(4000))
    advantages: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    applications: Mapped[str | None] = mapped_column(String(4000))
    trl: Mapped[int | None] = mapped_column(Integer, index=True)
    ip_records: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    owners: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    transfer_modes: Mapped[list[str]] = mapped_column(JSON, default=list)
    price_type: Mapped[str | None] = mapped_column(String(16))
    asking_price: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), index=True)


class TechnologyNeed(ListingColumns, Base):
    __tablename__ = "technology_needs"

    description: Mapped[str | None] = mapped_column(String(8000))
    specifications: Mapped[str | None] = mapped_column(String(4000))
    target_trl: Mapped[int | None] = mapped_column(Integer, index=True)
    budget_min: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    budget_max: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), index=True)
    budget_negotiable: Mapped[bool] = mapped_column(Boolean, default=False)
    cooperation_modes: Mapped[list[str]] = mapped_column(JSON, default=list)
    deadline: Mapped[date | None] = mapped_column(Date)
