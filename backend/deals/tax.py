"""Tax estimate of a registered contract (POLICY.md section 5): shown to users, not tax advice.

VAT (财税〔2016〕36号 annex 3, 1(26)): transfer and development contracts are exempt once
registered; the estimate puts the VAT a general taxpayer would otherwise charge on the
technology transaction amount at 6 %, the amount taken as VAT-inclusive (amount x 6 / 106).

Enterprise income tax (implementing regulations art. 90; 财税〔2010〕111号): the seller's
qualifying technology-transfer income up to 5,000,000 yuan in a tax year is exempt and the
excess is taxed at half the 25 % rate. Only transfer and licence contracts can qualify; the
income is the registration's approved technology income; the caller may state the seller's
other qualifying income already earned in the same tax year, which uses up the allowance first.
"""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from backend.core.errors import InvalidState
from backend.core.money import quantize_fen
from backend.deals import contract
from backend.deals.enums import ContractType
from backend.deals.models import Deal

VAT_EXEMPT_TYPES = frozenset({ContractType.transfer, ContractType.development})
INCOME_TAX_TYPES = frozenset({ContractType.transfer, ContractType.licence})
VAT_RATE = Decimal("6")
STANDARD_RATE = Decimal("25")
HALF_RATE = Decimal("12.5")
ANNUAL_EXEMPTION = Decimal("5000000.00")
ZERO = Decimal("0.00")

DISCLAIMER_ZH = (
    "本结果为估算，仅供参考，不构成税务意见：实际税负取决于主管税务机关的认定、无形资产净值及相关税费、"
    "关联交易与许可期限等条件，请以税务机关的决定为准。"
)
DISCLAIMER_EN = (
    "This is an estimate for information only, not tax advice: the actual tax depends on the tax office's "
    "decision, the net value of the intangible and related taxes and fees, related-party status and licence "
    "terms; the tax office's decision prevails."
)


@dataclass(frozen=True)
class TaxEstimate:
    contract_type: str
    technology_amount: Decimal
    vat_exempt: bool
    vat_rate_percent: Decimal
    vat_amount: Decimal  # avoided when exempt, due otherwise
    approved_income: Decimal
    income_tax_qualifies: bool
    other_income_this_year: Decimal
    exempt_income: Decimal
    taxable_at_half_rate: Decimal
    taxable_at_standard_rate: Decimal
    income_tax: Decimal
    income_tax_without_benefit: Decimal
    income_tax_saving: Decimal


def estimate(session: Session, *, deal: Deal, other_income_this_year: Decimal = ZERO) -> TaxEstimate:
    registration = contract.get_registration(session, deal)
    if registration is None:
        raise InvalidState("A tax estimate needs a registered contract (技术合同认定登记)", code="not_registered")
    signed = contract.require_contract(session, deal)
    kind = ContractType(signed.contract_type)
    vat = quantize_fen(signed.technology_amount * VAT_RATE / (100 + VAT_RATE))
    income = registration.approved_income
    qualifies = kind in INCOME_TAX_TYPES
    allowance = max(ZERO, ANNUAL_EXEMPTION - other_income_this_year) if qualifies else ZERO
    exempt = min(income, allowance)
    half = income - exempt if qualifies else ZERO
    standard = ZERO if qualifies else income
    tax = quantize_fen(half * HALF_RATE / 100) + quantize_fen(standard * STANDARD_RATE / 100)
    without = quantize_fen(income * STANDARD_RATE / 100)
    return TaxEstimate(
        contract_type=kind,
        technology_amount=signed.technology_amount,
        vat_exempt=kind in VAT_EXEMPT_TYPES,
        vat_rate_percent=VAT_RATE,
        vat_amount=vat,
        approved_income=income,
        income_tax_qualifies=qualifies,
        other_income_this_year=other_income_this_year,
        exempt_income=exempt,
        taxable_at_half_rate=half,
        taxable_at_standard_rate=standard,
        income_tax=tax,
        income_tax_without_benefit=without,
        income_tax_saving=without - tax,
    )
