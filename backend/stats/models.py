"""Annual targets the department sets, per city or per institution."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.core.db import Base, UTCDateTime, utcnow
from backend.deals.models import Contract, Deal, Interest, Registration
from backend.policy.models import SubsidyApplication
from backend.stats.fact_models import ContractFact, DealFact, ListingFact, RefreshState

# The facts are part of the statistics' schema; imported here so Alembic sees them with the targets.
__all__ = ["ContractFact", "DealFact", "ListingFact", "RefreshState", "StatsTarget"]


class StatsTarget(Base):
    """One target: a metric for a year, for a city (region code) or for one organisation.

    ``scope_key`` ("city:450100", "org:12") makes the pair unique without relying on how each
    database treats NULLs in a unique constraint.
    """

    __tablename__ = "stats_targets"
    __table_args__ = (
        UniqueConstraint("year", "metric", "scope_key"),
        CheckConstraint("(region IS NULL) <> (organisation_id IS NULL)", name="one_scope"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    metric: Mapped[str] = mapped_column(String(32))
    scope_key: Mapped[str] = mapped_column(String(32))
    region: Mapped[str | None] = mapped_column(String(6))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    target: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    set_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


# Indexes the statistics read through, on other domains' tables. They are declared here (not in
# those models) because only the statistics need them; Alembic sees them through backend.models.
STATS_INDEXES = (
    # Registered contracts of a period: a range scan that also yields the deal to join on.
    Index("ix_stats_registrations_registered_on", Registration.registered_on, Registration.deal_id),
    # Signed, not yet registered contracts of a period.
    Index("ix_stats_contracts_signed_on", Contract.signed_on, Contract.deal_id),
    # Deals opened in a period by stage and seller: the funnel reads the index alone.
    Index("ix_stats_deals_created_stage", Deal.created_at, Deal.stage, Deal.seller_org_id),
    # First interest of a listing: MIN(created_at) is the first entry of the listing's range.
    Index("ix_stats_interests_output_created", Interest.output_id, Interest.created_at),
    Index("ix_stats_interests_need_created", Interest.need_id, Interest.created_at),
    Index("ix_stats_applications_status_decided", SubsidyApplication.status, SubsidyApplication.decided_at),
    # What changed since the last refresh of the facts.
    Index("ix_stats_deals_updated_at", Deal.updated_at),
    Index("ix_stats_contracts_updated_at", Contract.updated_at),
    Index("ix_stats_registrations_updated_at", Registration.updated_at),
)
