"""Read-only vocabularies the forms and filters are built from."""

from fastapi import APIRouter
from pydantic import BaseModel

from backend.core.errors import ERROR_RESPONSES
from backend.core.regions import REGIONS
from backend.listings.taxonomy import fields

router = APIRouter(prefix="/taxonomy", tags=["taxonomy"], responses=ERROR_RESPONSES)


class FieldOut(BaseModel):
    code: str
    name_zh: str
    name_en: str
    kind: str


class RegionOut(BaseModel):
    code: str
    name_zh: str
    name_en: str
    province_code: str


@router.get("/fields", operation_id="listFields")
def list_fields() -> list[FieldOut]:
    """The 67 research disciplines and the region's industries."""
    return [FieldOut(**vars(f)) for f in fields().values()]


@router.get("/regions", operation_id="listRegions")
def list_regions() -> list[RegionOut]:
    """Guangxi's 14 cities and the other provinces, by GB/T 2260 code."""
    return [RegionOut(**vars(r)) for r in REGIONS.values()]
