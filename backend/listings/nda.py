"""Staged confidentiality: a click-through NDA per output, recorded per organisation.

The NDA text is versioned in code so the record of an acceptance points at words that
cannot change under it; a new text is a new version. An organisation that accepted any
version keeps its access (it is bound by the text it accepted); ``accepted`` in the API
tells whether it accepted the current one.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from backend.accounts.models import User
from backend.core import audit
from backend.core.db import Base, UTCDateTime, utcnow
from backend.core.errors import Conflict
from backend.listings.models import ResearchOutput


@dataclass(frozen=True)
class NdaText:
    version: str
    zh: str
    en: str


NDA_TEXTS: dict[str, NdaText] = {
    "2026-1": NdaText(
        version="2026-1",
        zh=(
            "保密承诺：本单位承诺对通过本平台获得的该科技成果的保密信息严格保密，仅用于评估合作，"
            "未经成果所有方书面同意，不向任何第三方披露，不用于其他目的；本承诺自接受之日起五年内有效。"
        ),
        en=(
            "Confidentiality undertaking: our organisation will keep the confidential information of this research "
            "output obtained through the platform secret, use it only to evaluate a cooperation, and not disclose it "
            "to any third party or use it otherwise without the owner's written consent, for five years from "
            "acceptance."
        ),
    ),
}
CURRENT_NDA_VERSION = "2026-1"


class NdaAcceptance(Base):
    __tablename__ = "nda_acceptances"
    __table_args__ = (UniqueConstraint("output_id", "organisation_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    output_id: Mapped[int] = mapped_column(ForeignKey("research_outputs.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    version: Mapped[str] = mapped_column(String(16))
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def acceptances(session: Session, *, output_id: int, organisation_id: int) -> list[NdaAcceptance]:
    stmt = select(NdaAcceptance).where(
        NdaAcceptance.output_id == output_id, NdaAcceptance.organisation_id == organisation_id
    )
    return list(session.scalars(stmt.order_by(NdaAcceptance.id)))


def has_accepted(session: Session, *, output_id: int, organisation_id: int) -> bool:
    stmt = select(NdaAcceptance.id).where(
        NdaAcceptance.output_id == output_id, NdaAcceptance.organisation_id == organisation_id
    )
    return session.scalar(stmt.limit(1)) is not None


def accept(session: Session, *, user: User, output: ResearchOutput, version: str) -> NdaAcceptance:
    if version != CURRENT_NDA_VERSION:
        raise Conflict(
            f"NDA version {version} is not the current one ({CURRENT_NDA_VERSION}); read the text again and accept it",
            code="stale_nda_version",
        )
    if user.organisation_id == output.organisation_id:
        raise Conflict("Your organisation owns this output and sees its detail already", code="own_listing")
    for row in acceptances(session, output_id=output.id, organisation_id=user.organisation_id):
        if row.version == version:
            return row  # accepting twice is harmless: the first record (who, when) stands
    row = NdaAcceptance(output_id=output.id, organisation_id=user.organisation_id, user_id=user.id, version=version)
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor_id=user.id,
        entity_type="output",
        entity_id=output.id,
        action="nda_accept",
        changes={"organisation_id": user.organisation_id, "version": version},
    )
    return row
