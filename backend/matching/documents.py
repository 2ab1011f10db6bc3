"""Listings as the engine's documents: the same named fields the batch CLI uses."""

from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.matching.engine.engine import Document


def _keywords(values: list[str] | None) -> str | None:
    return "；".join(values) if values else None


def output_fields(output: ResearchOutput) -> dict[str, str | None]:
    summary = "\n".join(t for t in (output.summary, output.problem_solved) if t)
    return {
        "title": output.title,
        "keywords": _keywords(output.keywords),
        "summary": summary or None,
        "applications": output.applications,
    }


def need_fields(need: TechnologyNeed) -> dict[str, str | None]:
    description = "\n".join(t for t in (need.description, need.specifications) if t)
    return {"title": need.title, "keywords": _keywords(need.keywords), "description": description or None}


def output_document(output: ResearchOutput) -> Document:
    return Document(output.id, output_fields(output))


def need_document(need: TechnologyNeed) -> Document:
    return Document(need.id, need_fields(need))
