"""Vocabularies of listings."""

from enum import StrEnum


class ListingStatus(StrEnum):
    draft = "draft"
    pending_review = "pending_review"
    published = "published"
    needs_revision = "needs_revision"
    rejected = "rejected"
    withdrawn = "withdrawn"
    expired = "expired"


class Visibility(StrEnum):
    public = "public"
    registered = "registered"


class TransferMode(StrEnum):
    assignment = "assignment"
    exclusive_licence = "exclusive_licence"
    non_exclusive_licence = "non_exclusive_licence"
    equity = "equity"
    co_development = "co_development"
    technical_service = "technical_service"


# Needs speak of cooperation; the modes are the same vocabulary so they can be matched.
CooperationMode = TransferMode


class PriceType(StrEnum):
    fixed = "fixed"
    negotiable = "negotiable"
    appraisal = "appraisal"


class IpKind(StrEnum):
    invention_patent = "invention_patent"
    utility_model = "utility_model"
    design = "design"
    software_copyright = "software_copyright"
    trade_secret = "trade_secret"


class IpStatus(StrEnum):
    application = "application"
    granted = "granted"
    registered = "registered"
    expired = "expired"
    not_applicable = "not_applicable"


class ReviewDecision(StrEnum):
    approve = "approve"
    reject = "reject"
    revise = "revise"
