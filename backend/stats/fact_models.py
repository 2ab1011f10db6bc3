"""Pre-computed facts the indicators read: one narrow row per contract, per deal, per listing.

The live tables need four joins per contract (registration, deal, seller, listing) to know its day,
city and field; at a million deals that costs seconds. These rows carry the answer of those joins,
so an indicator is a range scan of one table. ``refresh`` keeps them in step (incrementally, by the
rows changed since the last refresh, and in full on demand); nothing else writes them.
"""

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, Float, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.core.db import Base, UTCDateTime


class ContractFact(Base):
    """A counted contract (see ``facts`` for which count and on which day)."""

    __tablename__ = "stats_contract_facts"
    __table_args__ = (
        Index("ix_stats_contract_facts_period", "period_on", "city", "contract_type"),
        Index("ix_stats_contract_facts_seller", "seller_org_id", "period_on"),
        Index("ix_stats_contract_facts_signed", "signed_on"),
        # Counting at thresholds other than the roll-up's reads the contracts between the two amounts
        # (``cube``): covering, so that band is read from the index alone on PostgreSQL.
        Index(
            "ix_stats_contract_facts_amount",
            "technology_fen",
            "period_on",
            postgresql_include=["city", "field", "contract_type", "seller_org_id"],
        ),
    )

    deal_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    contract_id: Mapped[int] = mapped_column(Integer)
    seller_org_id: Mapped[int] = mapped_column(Integer)
    city: Mapped[str] = mapped_column(String(6))
    field: Mapped[str | None] = mapped_column(String(64))
    contract_type: Mapped[str] = mapped_column(String(16))
    period_on: Mapped[date] = mapped_column(Date)
    signed_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    registered: Mapped[bool] = mapped_column(Boolean)
    # Amounts in whole fen: integer sums are exact on every database and cheaper than NUMERIC ones.
    total_fen: Mapped[int] = mapped_column(BigInteger)
    technology_fen: Mapped[int] = mapped_column(BigInteger)
    approved_income_fen: Mapped[int] = mapped_column(BigInteger)


class DealFact(Base):
    """A deal: the local day it was opened, its stage and the furthest stage it reached."""

    __tablename__ = "stats_deal_facts"
    __table_args__ = (
        Index("ix_stats_deal_facts_created", "created_on", "stage", "reached"),
        Index("ix_stats_deal_facts_seller", "seller_org_id", "created_on"),
    )

    deal_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_on: Mapped[date] = mapped_column(Date)
    seller_org_id: Mapped[int] = mapped_column(Integer)
    city: Mapped[str] = mapped_column(String(6))
    field: Mapped[str | None] = mapped_column(String(64))
    contract_type: Mapped[str | None] = mapped_column(String(16))
    stage: Mapped[str] = mapped_column(String(20))
    reached: Mapped[str] = mapped_column(String(20))


class ListingFact(Base):
    """A published listing and when its first interest arrived."""

    __tablename__ = "stats_listing_facts"
    __table_args__ = (
        Index("ix_stats_listing_facts_published", "published_at"),
        # The median's bucket is read by value (``medians``): a day's worth of waits, not a decade's.
        Index("ix_stats_listing_facts_wait", "days_to_first_interest"),
    )

    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    listing_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    organisation_id: Mapped[int] = mapped_column(Integer)
    city: Mapped[str] = mapped_column(String(6))
    field: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())
    first_interest_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    days_to_first_interest: Mapped[float | None] = mapped_column(Float)


class RefreshState(Base):
    """When the facts were last brought up to date (one row)."""

    __tablename__ = "stats_refresh_state"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    refreshed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ContractMonth(Base):
    """Monthly roll-up of the contract facts at one grain (see ``rollup``): the dimensions the
    grain keeps are set, the others NULL. Counts of transformation and major projects are at the
    thresholds recorded in ``RollupState``; other thresholds are answered from the facts."""

    __tablename__ = "stats_contract_months"
    __table_args__ = (
        Index("ix_stats_contract_months_grain", "grain", "month"),
        Index("ix_stats_contract_months_city", "grain", "city", "month"),
        Index("ix_stats_contract_months_field", "grain", "field", "month"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    grain: Mapped[str] = mapped_column(String(4))
    month: Mapped[date] = mapped_column(Date)  # the first day of the month
    city: Mapped[str | None] = mapped_column(String(6))
    field: Mapped[str | None] = mapped_column(String(64))
    contract_type: Mapped[str | None] = mapped_column(String(16))
    seller_org_id: Mapped[int | None] = mapped_column(Integer)
    contracts: Mapped[int] = mapped_column(Integer)
    registered: Mapped[int] = mapped_column(Integer)
    transformation_projects: Mapped[int] = mapped_column(Integer)
    major_projects: Mapped[int] = mapped_column(Integer)
    total_fen: Mapped[int] = mapped_column(BigInteger)
    technology_fen: Mapped[int] = mapped_column(BigInteger)
    approved_income_fen: Mapped[int] = mapped_column(BigInteger)
    # Contracts at or above each rung of a ladder of amounts (yuan; ``rollup.LADDER``): a request at
    # other thresholds corrects from the nearest rung, so it reads a narrow band of the facts.
    ge_10000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_20000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_50000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_100000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_200000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_500000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_1000000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_2000000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_5000000: Mapped[int] = mapped_column(Integer, server_default="0")
    ge_10000000: Mapped[int] = mapped_column(Integer, server_default="0")


class DealMonth(Base):
    """Monthly roll-up of the deal facts at one grain (see ``rollup``)."""

    __tablename__ = "stats_deal_months"
    __table_args__ = (Index("ix_stats_deal_months_grain", "grain", "month"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    grain: Mapped[str] = mapped_column(String(4))
    month: Mapped[date] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(6))
    field: Mapped[str | None] = mapped_column(String(64))
    contract_type: Mapped[str | None] = mapped_column(String(16))
    seller_org_id: Mapped[int | None] = mapped_column(Integer)
    stage: Mapped[str | None] = mapped_column(String(20))
    reached: Mapped[str | None] = mapped_column(String(20))
    deals: Mapped[int] = mapped_column(Integer)


class WaitMonth(Base):
    """Monthly histograms of the durations (see ``medians``): how many listings published in the month
    waited ``bucket`` whole days for their first interest (kind "interest"), how many contracts
    signed in the month came ``bucket`` days after their listing's publication (kind "contract")."""

    __tablename__ = "stats_wait_months"
    __table_args__ = (Index("ix_stats_wait_months_kind", "kind", "month"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    month: Mapped[date] = mapped_column(Date)
    bucket: Mapped[int] = mapped_column(Integer)
    n: Mapped[int] = mapped_column(Integer)


class RollupState(Base):
    """The thresholds (whole fen) the roll-up's project counts were taken at (one row)."""

    __tablename__ = "stats_rollup_state"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    transformation_fen: Mapped[int] = mapped_column(BigInteger)
    major_fen: Mapped[int] = mapped_column(BigInteger)
