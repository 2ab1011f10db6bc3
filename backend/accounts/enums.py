"""Vocabularies of the accounts domain."""

from enum import StrEnum


class OrgKind(StrEnum):
    university = "university"
    research_institute = "research_institute"
    enterprise = "enterprise"
    transfer_agency = "transfer_agency"
    government = "government"


class OrgStatus(StrEnum):
    pending = "pending"
    verified = "verified"
    rejected = "rejected"


class Role(StrEnum):
    member = "member"
    org_admin = "org_admin"
    agent = "agent"
    reviewer = "reviewer"
    platform_admin = "platform_admin"


STAFF_ROLES = frozenset({Role.reviewer, Role.platform_admin})


class Locale(StrEnum):
    zh_cn = "zh-CN"
    en = "en"
