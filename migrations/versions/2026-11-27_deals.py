"""deals: interests, NDA acceptances, pipeline, contracts, registrations, payments, commissions, reports

Revision ID: 0010
Revises: 0003
Create Date: 2026-11-27 15:55:13.628993
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import backend.core.db

revision: str = "0010"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("output_id", sa.Integer(), nullable=True),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("seller_org_id", sa.Integer(), nullable=False),
        sa.Column("buyer_org_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("agency_org_id", sa.Integer(), nullable=True),
        sa.Column("opened_by_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("lost_reason", sa.String(length=1000), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", backend.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_org_id"], ["organisations.id"], name=op.f("fk_deals_agency_org_id_organisations")
        ),
        sa.ForeignKeyConstraint(["agent_id"], ["users.id"], name=op.f("fk_deals_agent_id_users")),
        sa.ForeignKeyConstraint(
            ["buyer_org_id"], ["organisations.id"], name=op.f("fk_deals_buyer_org_id_organisations")
        ),
        sa.ForeignKeyConstraint(["need_id"], ["technology_needs.id"], name=op.f("fk_deals_need_id_technology_needs")),
        sa.ForeignKeyConstraint(["opened_by_id"], ["users.id"], name=op.f("fk_deals_opened_by_id_users")),
        sa.ForeignKeyConstraint(
            ["output_id"], ["research_outputs.id"], name=op.f("fk_deals_output_id_research_outputs")
        ),
        sa.ForeignKeyConstraint(
            ["seller_org_id"], ["organisations.id"], name=op.f("fk_deals_seller_org_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deals")),
    )
    op.create_index(op.f("ix_deals_agency_org_id"), "deals", ["agency_org_id"], unique=False)
    op.create_index(op.f("ix_deals_agent_id"), "deals", ["agent_id"], unique=False)
    op.create_index(op.f("ix_deals_buyer_org_id"), "deals", ["buyer_org_id"], unique=False)
    op.create_index(op.f("ix_deals_created_at"), "deals", ["created_at"], unique=False)
    op.create_index(op.f("ix_deals_need_id"), "deals", ["need_id"], unique=False)
    op.create_index(op.f("ix_deals_output_id"), "deals", ["output_id"], unique=False)
    op.create_index(op.f("ix_deals_seller_org_id"), "deals", ["seller_org_id"], unique=False)
    op.create_index(op.f("ix_deals_stage"), "deals", ["stage"], unique=False)
    op.create_table(
        "nda_acceptances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("output_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("accepted_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"], name=op.f("fk_nda_acceptances_organisation_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["output_id"], ["research_outputs.id"], name=op.f("fk_nda_acceptances_output_id_research_outputs")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_nda_acceptances_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nda_acceptances")),
        sa.UniqueConstraint("output_id", "organisation_id", "version", name=op.f("uq_nda_acceptances_output_id")),
    )
    op.create_index(op.f("ix_nda_acceptances_organisation_id"), "nda_acceptances", ["organisation_id"], unique=False)
    op.create_index(op.f("ix_nda_acceptances_output_id"), "nda_acceptances", ["output_id"], unique=False)
    op.create_table(
        "deal_commissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("rate_percent", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("fixed_amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("set_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_deal_commissions_deal_id_deals")),
        sa.ForeignKeyConstraint(["set_by_id"], ["users.id"], name=op.f("fk_deal_commissions_set_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_commissions")),
        sa.UniqueConstraint("deal_id", name=op.f("uq_deal_commissions_deal_id")),
    )
    op.create_table(
        "deal_contracts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("contract_type", sa.String(length=16), nullable=False),
        sa.Column("total", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("non_technical_costs", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("technology_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("royalty_terms", sa.String(length=2000), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("non_technical_costs <= total", name=op.f("ck_deal_contracts_costs_within_total")),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_deal_contracts_deal_id_deals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_contracts")),
        sa.UniqueConstraint("deal_id", name=op.f("uq_deal_contracts_deal_id")),
    )
    op.create_table(
        "deal_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(length=32), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=300), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_deal_documents_deal_id_deals")),
        sa.ForeignKeyConstraint(["uploaded_by_id"], ["users.id"], name=op.f("fk_deal_documents_uploaded_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_documents")),
    )
    op.create_index(op.f("ix_deal_documents_deal_id"), "deal_documents", ["deal_id"], unique=False)
    op.create_table(
        "deal_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("voucher_ref", sa.String(length=100), nullable=True),
        sa.Column("invoice_ref", sa.String(length=100), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_deal_payments_deal_id_deals")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"], name=op.f("fk_deal_payments_recorded_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_payments")),
    )
    op.create_index(op.f("ix_deal_payments_deal_id"), "deal_payments", ["deal_id"], unique=False)
    op.create_table(
        "deal_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("office", sa.String(length=200), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("approved_income", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_deal_registrations_deal_id_deals")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_registrations")),
        sa.UniqueConstraint("deal_id", name=op.f("uq_deal_registrations_deal_id")),
    )
    op.create_table(
        "deal_sales_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("new_sales_revenue", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("reported_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_deal_sales_reports_deal_id_deals")),
        sa.ForeignKeyConstraint(
            ["reported_by_id"], ["users.id"], name=op.f("fk_deal_sales_reports_reported_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_sales_reports")),
        sa.UniqueConstraint("deal_id", "year", name=op.f("uq_deal_sales_reports_deal_id")),
    )
    op.create_index(op.f("ix_deal_sales_reports_deal_id"), "deal_sales_reports", ["deal_id"], unique=False)
    op.create_table(
        "interests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("output_id", sa.Integer(), nullable=True),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("offered_output_id", sa.Integer(), nullable=True),
        sa.Column("sender_org_id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=False),
        sa.Column("recipient_org_id", sa.Integer(), nullable=False),
        sa.Column("message", sa.String(length=4000), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason_code", sa.String(length=32), nullable=True),
        sa.Column("reason_text", sa.String(length=1000), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", backend.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("deal_id", sa.Integer(), nullable=True),
        sa.Column("created_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("(output_id IS NULL) <> (need_id IS NULL)", name=op.f("ck_interests_one_listing")),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_interests_deal_id_deals")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["users.id"], name=op.f("fk_interests_decided_by_id_users")),
        sa.ForeignKeyConstraint(
            ["need_id"], ["technology_needs.id"], name=op.f("fk_interests_need_id_technology_needs")
        ),
        sa.ForeignKeyConstraint(
            ["offered_output_id"], ["research_outputs.id"], name=op.f("fk_interests_offered_output_id_research_outputs")
        ),
        sa.ForeignKeyConstraint(
            ["output_id"], ["research_outputs.id"], name=op.f("fk_interests_output_id_research_outputs")
        ),
        sa.ForeignKeyConstraint(
            ["recipient_org_id"], ["organisations.id"], name=op.f("fk_interests_recipient_org_id_organisations")
        ),
        sa.ForeignKeyConstraint(["sender_id"], ["users.id"], name=op.f("fk_interests_sender_id_users")),
        sa.ForeignKeyConstraint(
            ["sender_org_id"], ["organisations.id"], name=op.f("fk_interests_sender_org_id_organisations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interests")),
    )
    op.create_index(op.f("ix_interests_created_at"), "interests", ["created_at"], unique=False)
    op.create_index(op.f("ix_interests_need_id"), "interests", ["need_id"], unique=False)
    op.create_index(op.f("ix_interests_output_id"), "interests", ["output_id"], unique=False)
    op.create_index(op.f("ix_interests_recipient_org_id"), "interests", ["recipient_org_id"], unique=False)
    op.create_index(op.f("ix_interests_sender_org_id"), "interests", ["sender_org_id"], unique=False)
    op.create_index(op.f("ix_interests_status"), "interests", ["status"], unique=False)
    op.create_table(
        "agent_ledger_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("agency_org_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("cumulative_paid", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("cumulative_commission", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("created_at", backend.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_org_id"], ["organisations.id"], name=op.f("fk_agent_ledger_entries_agency_org_id_organisations")
        ),
        sa.ForeignKeyConstraint(["agent_id"], ["users.id"], name=op.f("fk_agent_ledger_entries_agent_id_users")),
        sa.ForeignKeyConstraint(["deal_id"], ["deals.id"], name=op.f("fk_agent_ledger_entries_deal_id_deals")),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["deal_payments.id"], name=op.f("fk_agent_ledger_entries_payment_id_deal_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_ledger_entries")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_agent_ledger_entries_payment_id")),
    )
    op.create_index(
        op.f("ix_agent_ledger_entries_agency_org_id"), "agent_ledger_entries", ["agency_org_id"], unique=False
    )
    op.create_index(op.f("ix_agent_ledger_entries_agent_id"), "agent_ledger_entries", ["agent_id"], unique=False)
    op.create_index(op.f("ix_agent_ledger_entries_deal_id"), "agent_ledger_entries", ["deal_id"], unique=False)
    op.add_column("organisations", sa.Column("team_share_percent", sa.Numeric(precision=5, scale=2), nullable=True))
    op.add_column(
        "research_outputs", sa.Column("screening_questions", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
    )
    op.add_column(
        "technology_needs", sa.Column("screening_questions", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
    )


def downgrade() -> None:
    op.drop_column("technology_needs", "screening_questions")
    op.drop_column("research_outputs", "screening_questions")
    op.drop_column("organisations", "team_share_percent")
    op.drop_index(op.f("ix_agent_ledger_entries_deal_id"), table_name="agent_ledger_entries")
    op.drop_index(op.f("ix_agent_ledger_entries_agent_id"), table_name="agent_ledger_entries")
    op.drop_index(op.f("ix_agent_ledger_entries_agency_org_id"), table_name="agent_ledger_entries")
    op.drop_table("agent_ledger_entries")
    op.drop_index(op.f("ix_interests_status"), table_name="interests")
    op.drop_index(op.f("ix_interests_sender_org_id"), table_name="interests")
    op.drop_index(op.f("ix_interests_recipient_org_id"), table_name="interests")
    op.drop_index(op.f("ix_interests_output_id"), table_name="interests")
    op.drop_index(op.f("ix_interests_need_id"), table_name="interests")
    op.drop_index(op.f("ix_interests_created_at"), table_name="interests")
    op.drop_table("interests")
    op.drop_index(op.f("ix_deal_sales_reports_deal_id"), table_name="deal_sales_reports")
    op.drop_table("deal_sales_reports")
    op.drop_table("deal_registrations")
    op.drop_index(op.f("ix_deal_payments_deal_id"), table_name="deal_payments")
    op.drop_table("deal_payments")
    op.drop_index(op.f("ix_deal_documents_deal_id"), table_name="deal_documents")
    op.drop_table("deal_documents")
    op.drop_table("deal_contracts")
    op.drop_table("deal_commissions")
    op.drop_index(op.f("ix_nda_acceptances_output_id"), table_name="nda_acceptances")
    op.drop_index(op.f("ix_nda_acceptances_organisation_id"), table_name="nda_acceptances")
    op.drop_table("nda_acceptances")
    op.drop_index(op.f("ix_deals_stage"), table_name="deals")
    op.drop_index(op.f("ix_deals_seller_org_id"), table_name="deals")
    op.drop_index(op.f("ix_deals_output_id"), table_name="deals")
    op.drop_index(op.f("ix_deals_need_id"), table_name="deals")
    op.drop_index(op.f("ix_deals_created_at"), table_name="deals")
    op.drop_index(op.f("ix_deals_buyer_org_id"), table_name="deals")
    op.drop_index(op.f("ix_deals_agent_id"), table_name="deals")
    op.drop_index(op.f("ix_deals_agency_org_id"), table_name="deals")
    op.drop_table("deals")
