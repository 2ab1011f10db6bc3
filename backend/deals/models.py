"""ORM models of deals: interest, the deal itself, contract, registration, money, documents, reports."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.core.db import Base, UTCDateTime, utcnow

Amount = Numeric(14, 2)


class Interest(Base):
    """An expression of interest: an enterprise on an output, or a university / institute on a need."""

    __tablename__ = "interests"
    __table_args__ = (CheckConstraint("(output_id IS NULL) <> (need_id IS NULL)", name="one_listing"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    output_id: Mapped[int | None] = mapped_column(ForeignKey("research_outputs.id"), index=True)
    need_id: Mapped[int | None] = mapped_column(ForeignKey("technology_needs.id"), index=True)
    # On a need, the sender may name the output it offers, so an accepted interest has something to sell.
    offered_output_id: Mapped[int | None] = mapped_column(ForeignKey("research_outputs.id"))
    sender_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recipient_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    message: Mapped[str] = mapped_column(String(4000))
    answers: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    reason_code: Mapped[str | None] = mapped_column(String(32))
    reason_text: Mapped[str | None] = mapped_column(String(1000))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class Deal(Base):
    __tablename__ = "deals"

    id: Mapped[int] = mapped_column(primary_key=True)
    output_id: Mapped[int | None] = mapped_column(ForeignKey("research_outputs.id"), index=True)
    need_id: Mapped[int | None] = mapped_column(ForeignKey("technology_needs.id"), index=True)
    seller_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    buyer_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    agency_org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(20), default="interest", index=True)
    lost_reason: Mapped[str | None] = mapped_column(String(1000))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # Optimistic locking: a concurrent writer's UPDATE matches no row and fails.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Contract(Base):
    __tablename__ = "deal_contracts"
    __table_args__ = (CheckConstraint("non_technical_costs <= total", name="costs_within_total"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), unique=True)
    contract_type: Mapped[str] = mapped_column(String(16))
    total: Mapped[Decimal] = mapped_column(Amount)
    non_technical_costs: Mapped[Decimal] = mapped_column(Amount)
    # Derived (total - non-technical costs) but stored: statistics and subsidy rules read it directly.
    technology_amount: Mapped[Decimal] = mapped_column(Amount)
    royalty_terms: Mapped[str | None] = mapped_column(String(2000))
    signed_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Registration(Base):
    """技术合同认定登记: the certificate's figures."""

    __tablename__ = "deal_registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), unique=True)
    number: Mapped[str] = mapped_column(String(64))
    office: Mapped[str] = mapped_column(String(200))
    registered_on: Mapped[date] = mapped_column(Date)
    approved_income: Mapped[Decimal] = mapped_column(Amount)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Payment(Base):
    __tablename__ = "deal_payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Amount)
    voucher_ref: Mapped[str | None] = mapped_column(String(100))
    invoice_ref: Mapped[str | None] = mapped_column(String(100))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Commission(Base):
    """The agent's terms on one deal: a percentage of what is paid, or a fixed amount earned pro rata."""

    __tablename__ = "deal_commissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    rate_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    fixed_amount: Mapped[Decimal | None] = mapped_column(Amount)
    set_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class LedgerEntry(Base):
    """Commission earned by one payment; entries of a deal add up to the commission on the paid total."""

    __tablename__ = "agent_ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("deal_payments.id"), unique=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    agency_org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Amount)
    cumulative_paid: Mapped[Decimal] = mapped_column(Amount)
    cumulative_commission: Mapped[Decimal] = mapped_column(Amount)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DealDocument(Base):
    __tablename__ = "deal_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(32))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(300))
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SalesReport(Base):
    """The buyer's new sales revenue from the result in one year (subsidy rules use it)."""

    __tablename__ = "deal_sales_reports"
    __table_args__ = (UniqueConstraint("deal_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    new_sales_revenue: Mapped[Decimal] = mapped_column(Amount)
    reported_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


def jsonable(value: Any) -> Any:
    """Audit changes hold JSON: amounts and dates become strings."""
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)
