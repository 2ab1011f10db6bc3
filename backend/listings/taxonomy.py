"""The field taxonomy: 67 research disciplines and the industries Guangxi cares about."""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Field:
    code: str
    name_zh: str
    name_en: str
    kind: str  # "discipline" or "industry"


@lru_cache
def fields() -> dict[str, Field]:
    data = json.loads((Path(__file__).with_name("fields.json")).read_text(encoding="utf-8"))
    out: dict[str, Field] = {}
    for kind, key in (("discipline", "disciplines"), ("industry", "industries")):
        for code, zh, en in data[key]:
            out[code] = Field(code, zh, en, kind)
    return out


def is_field(code: str) -> bool:
    return code in fields()
