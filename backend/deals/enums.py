"""Vocabularies of deals."""

from enum import StrEnum


class InterestStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    declined = "declined"


class DeclineReason(StrEnum):
    too_early = "too_early"
    benefit_unclear = "benefit_unclear"
    route_to_market_unclear = "route_to_market_unclear"
    too_vague = "too_vague"
    price = "price"
    already_licensed = "already_licensed"
    other = "other"


class Stage(StrEnum):
    interest = "interest"
    introduced = "introduced"
    negotiating = "negotiating"
    contract_signed = "contract_signed"
    registered = "registered"
    paid = "paid"
    closed_won = "closed_won"
    closed_lost = "closed_lost"


class ContractType(StrEnum):
    """Civil Code art. 843 contract types (POLICY.md section 4)."""

    development = "development"
    transfer = "transfer"
    licence = "licence"
    consulting = "consulting"
    service = "service"


class DocumentType(StrEnum):
    contract = "contract"
    amendment = "amendment"
    registration_certificate = "registration_certificate"
    payment_voucher = "payment_voucher"
    invoice = "invoice"
    other = "other"


class CommissionKind(StrEnum):
    percentage = "percentage"
    fixed = "fixed"
