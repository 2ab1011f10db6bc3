"""The demo catalogue read from ``data/``: organisations, accounts and technology topics.

The texts are hand-written per industry in JSON so they can be edited without touching
code; this module only types them and derives credit codes and contact accounts.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from backend.accounts.enums import OrgKind, Role
from backend.ops.demo.codes import demo_uscc

DATA_DIR = Path(__file__).with_name("data")
TOPIC_FILES = ("topics_industry.json", "topics_bio_agri.json", "topics_en.json")

DEMO_PASSWORD = "Demo-2026!pass"
DEMO_EMAIL_DOMAIN = "techmatch.local"
CONTACT_EMAIL_DOMAIN = "demo.techmatch.local"


@dataclass(frozen=True)
class OrgSpec:
    key: str
    kind: OrgKind
    region: str
    name: str
    name_en: str
    description: str
    uscc: str
    verified: bool
    marker: bool


@dataclass(frozen=True)
class UserSpec:
    email: str
    full_name: str
    role: Role
    org_key: str
    documented: bool


@dataclass(frozen=True)
class NeedTemplate:
    title: str
    description: str
    specifications: str


@dataclass(frozen=True)
class Advantage:
    metric: str
    value: str
    description: str


@dataclass(frozen=True)
class Topic:
    """One technology: the outputs that offer it and the needs that ask for it share its words."""

    english: bool
    industry: str
    discipline: str
    tech: str
    keywords: tuple[str, ...]
    summary: str
    problem: str
    advantages: tuple[Advantage, ...]
    applications: tuple[str, ...]
    trl: tuple[int, int]
    price_wan: tuple[int, int]
    ip_kind: str
    owner_keys: tuple[str, ...]
    need: NeedTemplate
    budget_wan: tuple[int, int]
    buyer_keys: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    organisations: tuple[OrgSpec, ...]
    users: tuple[UserSpec, ...]
    topics: tuple[Topic, ...]

    @property
    def marker(self) -> OrgSpec:
        return next(org for org in self.organisations if org.marker)

    def org(self, key: str) -> OrgSpec:
        return next(org for org in self.organisations if org.key == key)

    def creator_email(self, org_key: str) -> str:
        """Who creates an organisation's listings: its documented account, else its contact."""
        own = [user for user in self.users if user.org_key == org_key]
        own.sort(key=lambda user: not user.documented)
        return own[0].email


def _read(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _topic(raw: dict[str, Any]) -> Topic:
    need = raw["need"]
    return Topic(
        english=raw.get("lang") == "en",
        industry=raw["industry"],
        discipline=raw["discipline"],
        tech=raw["tech"],
        keywords=tuple(raw["kw"]),
        summary=raw["summary"],
        problem=raw["problem"],
        advantages=tuple(Advantage(metric, value, text) for metric, value, text in raw["adv"]),
        applications=tuple(raw["apps"]),
        trl=(raw["trl"][0], raw["trl"][1]),
        price_wan=(raw["price"][0], raw["price"][1]),
        ip_kind=raw["ip"],
        owner_keys=tuple(raw["orgs"]),
        need=NeedTemplate(need["title"], need["desc"], need["spec"]),
        budget_wan=(raw["budget"][0], raw["budget"][1]),
        buyer_keys=tuple(raw["buyers"]),
    )


@lru_cache
def load_catalog() -> Catalog:
    raw = _read("organisations.json")
    orgs = tuple(
        OrgSpec(
            key=item["key"],
            kind=OrgKind(item["kind"]),
            region=item["region"],
            name=item["name"],
            name_en=item["name_en"],
            description=item["description"],
            uscc=demo_uscc(OrgKind(item["kind"]), item["region"], serial),
            verified=not item.get("pending", False),
            marker=item.get("marker", False),
        )
        for serial, item in enumerate(raw["organisations"], start=1)
    )
    documented = [
        UserSpec(u["email"], u["full_name"], Role(u["role"]), u["org"], documented=True) for u in raw["users"]
    ]
    with_account = {user.org_key for user in documented}
    names = raw["contact_names"]
    # Every other organisation gets one admin contact, so each listing has a plausible creator.
    contacts = [
        UserSpec(f"admin.{org.key}@{CONTACT_EMAIL_DOMAIN}", names[i % len(names)], Role.org_admin, org.key, False)
        for i, org in enumerate(org for org in orgs if org.key not in with_account)
    ]
    topics = tuple(_topic(item) for name in TOPIC_FILES for item in _read(name)["topics"])
    return Catalog(organisations=orgs, users=(*documented, *contacts), topics=topics)
