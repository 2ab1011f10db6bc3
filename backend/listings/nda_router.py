"""HTTP routes of the click-through NDA in front of an output's confidential detail."""

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from backend.accounts.deps import CurrentUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.params import IdPath
from backend.listings import nda, service
from backend.listings.kinds import OUTPUTS
from backend.listings.models import ResearchOutput

router = APIRouter(prefix="/outputs", tags=["outputs"], responses=ERROR_RESPONSES)


class NdaOut(BaseModel):
    version: str = Field(description="Current version of the NDA text; send it back to accept")
    text_zh: str
    text_en: str
    accepted: bool = Field(description="Your organisation accepted the current version")
    accepted_versions: list[str]
    accepted_at: datetime | None = Field(description="When your organisation accepted the current version")


class NdaAcceptIn(BaseModel):
    version: str = Field(min_length=1, max_length=16)


def _output(session: SessionDep, user: CurrentUser, output_id: int) -> ResearchOutput:
    listing = service.get_visible(session, kind=OUTPUTS, user=user, listing_id=output_id)
    assert isinstance(listing, ResearchOutput)
    return listing


def _status(session: SessionDep, user: CurrentUser, output_id: int) -> NdaOut:
    text = nda.NDA_TEXTS[nda.CURRENT_NDA_VERSION]
    rows = nda.acceptances(session, output_id=output_id, organisation_id=user.organisation_id)
    current = next((r for r in rows if r.version == text.version), None)
    return NdaOut(
        version=text.version,
        text_zh=text.zh,
        text_en=text.en,
        accepted=current is not None,
        accepted_versions=[r.version for r in rows],
        accepted_at=current.accepted_at if current else None,
    )


@router.get("/{output_id:int}/nda", operation_id="getOutputNda")
def get_nda(session: SessionDep, user: CurrentUser, output_id: IdPath) -> NdaOut:
    """The NDA text to accept before the confidential detail is shown, and whether you accepted it."""
    _output(session, user, output_id)
    return _status(session, user, output_id)


@router.post("/{output_id:int}/nda/accept", operation_id="acceptOutputNda")
def accept_nda(session: SessionDep, user: CurrentUser, output_id: IdPath, data: NdaAcceptIn) -> NdaOut:
    """Accept the NDA for your organisation (recorded: who, when, which version); the detail then shows."""
    output = _output(session, user, output_id)
    nda.accept(session, user=user, output=output, version=data.version)
    return _status(session, user, output_id)
