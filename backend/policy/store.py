"""Rule sets in the database: the presets seed it, reviewers add versions through the API."""

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core import audit
from backend.core.errors import Conflict, NotFound
from backend.policy.engine import RuleSet, dump_rule_set, list_presets
from backend.policy.models import StoredRuleSet


def _row(rules: RuleSet, actor_id: int | None) -> StoredRuleSet:
    return StoredRuleSet(
        name=rules.name,
        version=rules.version,
        kind=str(rules.kind),
        data=json.loads(dump_rule_set(rules)),
        created_by_id=actor_id,
    )


def ensure_presets(session: Session) -> int:
    """Store every preset version not stored yet; returns how many were added."""
    stored = {(n, v) for n, v in session.execute(select(StoredRuleSet.name, StoredRuleSet.version))}
    added = 0
    for rules in list_presets():
        if (rules.name, rules.version) not in stored:
            session.add(_row(rules, None))
            added += 1
    session.flush()
    return added


def _latest_rows(session: Session) -> list[StoredRuleSet]:
    newest = select(StoredRuleSet.name, func.max(StoredRuleSet.id).label("id")).group_by(StoredRuleSet.name).subquery()
    stmt = select(StoredRuleSet).join(newest, StoredRuleSet.id == newest.c.id).order_by(StoredRuleSet.name)
    return list(session.scalars(stmt))


def latest_all(session: Session) -> list[RuleSet]:
    ensure_presets(session)
    return [RuleSet.model_validate(row.data) for row in _latest_rows(session)]


def get(session: Session, name: str, version: str | None = None) -> RuleSet:
    """The newest version of ``name`` (or the given version)."""
    ensure_presets(session)
    stmt = select(StoredRuleSet).where(StoredRuleSet.name == name)
    if version is not None:
        stmt = stmt.where(StoredRuleSet.version == version)
    row = session.scalar(stmt.order_by(StoredRuleSet.id.desc()).limit(1))
    if row is None:
        known = ", ".join(r.name for r in _latest_rows(session))
        raise NotFound(f"unknown rule set {name!r}; known rule sets: {known}", code="rule_set_not_found")
    return RuleSet.model_validate(row.data)


def versions(session: Session, name: str) -> list[str]:
    ensure_presets(session)
    stmt = select(StoredRuleSet.version).where(StoredRuleSet.name == name).order_by(StoredRuleSet.id)
    return list(session.scalars(stmt))


def save(session: Session, *, rules: RuleSet, actor: User) -> RuleSet:
    """Add a rule set, or a new version of one; a version is never overwritten."""
    ensure_presets(session)
    exists = session.scalar(
        select(StoredRuleSet.id).where(StoredRuleSet.name == rules.name, StoredRuleSet.version == rules.version)
    )
    if exists is not None:
        raise Conflict(
            f"{rules.name} version {rules.version} exists; give the changed rule set a new version",
            code="rule_set_version_exists",
        )
    row = _row(rules, actor.id)
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="rule_set",
        entity_id=row.id,
        action="save",
        changes={"name": rules.name, "version": rules.version},
    )
    return rules
