"""Response shapes of the deal's statements: documents, income split, tax estimate, agent board and ledger."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from backend.core.money import Money
from backend.deals.enums import CommissionKind, ContractType, DocumentType, Stage

# Percentages leave as strings with two decimals, like money (SQLite hands back 85.5 for 85.50).
PercentOut = Annotated[Decimal, PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json")]


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    deal_id: int
    doc_type: DocumentType
    filename: str
    content_type: str
    size: int
    sha256: str = Field(description="SHA-256 of the content, hex")
    uploaded_by_id: int
    uploaded_at: datetime


class SplitOut(BaseModel):
    deal_id: int
    paid: Money = Field(description="Paid so far")
    non_technical_costs: Money
    net_income: Money = Field(description="Paid so far minus non-technical costs, not below zero")
    team_share_percent: PercentOut
    share_source: str = Field(description="institution (its own setting) or law_minimum (50%)")
    team_amount: Money
    institution_amount: Money


class TaxOut(BaseModel):
    deal_id: int
    estimate: bool = Field(True, description="Always true: an estimate, not tax advice")
    disclaimer_zh: str
    disclaimer_en: str
    contract_type: ContractType
    technology_amount: Money
    vat_exempt: bool
    vat_rate_percent: PercentOut
    vat_amount: Money = Field(description="VAT avoided when exempt, due otherwise (amount x 6/106)")
    approved_income: Money
    income_tax_qualifies: bool = Field(description="Transfer and licence contracts can qualify")
    other_income_this_year: Money
    exempt_income: Money
    taxable_at_half_rate: Money
    taxable_at_standard_rate: Money
    income_tax: Money
    income_tax_without_benefit: Money
    income_tax_saving: Money


class CommissionOut(BaseModel):
    deal_id: int
    kind: CommissionKind
    rate: PercentOut | None
    amount: Money | None
    earned: Money


class LedgerEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    deal_id: int
    payment_id: int
    agent_id: int
    agency_org_id: int | None
    amount: Money
    cumulative_paid: Money
    cumulative_commission: Money
    created_at: datetime


class BoardColumn(BaseModel):
    stage: Stage
    count: int
    value: Money = Field(description="Contract totals, else the outputs' asking prices")
    deal_ids: list[int]


class BoardOut(BaseModel):
    agent_id: int | None
    columns: list[BoardColumn]
    open_count: int
    open_value: Money


class LedgerTotal(BaseModel):
    id: int
    name: str
    earned: Money
    entries: int
    deals: int


class LedgerOut(BaseModel):
    agents: list[LedgerTotal]
    agencies: list[LedgerTotal]
