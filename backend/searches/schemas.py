"""Request and response shapes of saved searches."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, model_validator
from pydantic.config import JsonDict

from backend.accounts.schemas import RegionCode, Required
from backend.listings.schemas import FieldCode

SearchName = Annotated[Required, StringConstraints(min_length=1, max_length=100)]
Keywords = Annotated[Required, StringConstraints(min_length=1, max_length=200)]


# JSON Schema form of "at least one criterion", so schema-driven clients know it too.
AT_LEAST_ONE: JsonDict = {
    "anyOf": [{"required": [name], "properties": {name: {"type": "string"}}} for name in ("q", "field_code", "region")]
}


class SavedSearchIn(BaseModel):
    model_config = ConfigDict(json_schema_extra=AT_LEAST_ONE)

    kind: Literal["output", "need"] = Field(description="Which listings to watch: research outputs or needs")
    name: SearchName = Field(description="Your name for this search, shown in alerts")
    q: Keywords | None = Field(
        default=None, description="Keywords, as in the browse search; a listing must contain each of them"
    )
    field_code: FieldCode | None = Field(default=None, description="Field code from /taxonomy/fields")
    region: RegionCode | None = Field(default=None, description="Region code; a province includes its cities")
    alerts: StrictBool = Field(default=True, description="Notify me when a newly published listing fits")

    @model_validator(mode="after")
    def _narrowed(self) -> "SavedSearchIn":
        # A search with no criterion would alert on every listing of the market.
        if self.q is None and self.field_code is None and self.region is None:
            raise ValueError("give at least one of keywords, field or region")
        return self


class SavedSearchOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    name: str
    q: str | None
    field_code: str | None
    region: str | None
    alerts: bool
    created_at: datetime
    updated_at: datetime
