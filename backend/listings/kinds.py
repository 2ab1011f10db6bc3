"""What differs between the two kinds of listing, so one service and one router serve both."""

from dataclasses import dataclass

from sqlalchemy.orm import InstrumentedAttribute

from backend.listings.models import ResearchOutput, TechnologyNeed

Listing = ResearchOutput | TechnologyNeed


@dataclass(frozen=True)
class ListingKind:
    name: str
    plural: str
    model: type[ResearchOutput] | type[TechnologyNeed]
    search_columns: tuple[str, ...]
    required_on_submit: tuple[str, ...]
    confidential: tuple[str, ...]
    trl_column: str
    modes_column: str

    def column(self, name: str) -> InstrumentedAttribute[object]:
        attribute: InstrumentedAttribute[object] = getattr(self.model, name)
        return attribute


OUTPUTS = ListingKind(
    name="output",
    plural="outputs",
    model=ResearchOutput,
    search_columns=("title", "summary", "problem_solved", "applications"),
    required_on_submit=("summary", "field_code", "region", "trl", "transfer_modes", "price_type"),
    confidential=("confidential_detail",),
    trl_column="trl",
    modes_column="transfer_modes",
)

NEEDS = ListingKind(
    name="need",
    plural="needs",
    model=TechnologyNeed,
    search_columns=("title", "description", "specifications"),
    required_on_submit=("description", "field_code", "region"),
    confidential=(),
    trl_column="target_trl",
    modes_column="cooperation_modes",
)
