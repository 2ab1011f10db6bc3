"""Fictional but well-formed identifiers for the demo: credit codes and IP numbers.

Every code carries a valid check character so the demo passes the same validation
as real input; the ``TMDEM`` organisation-code block marks them as invented.
"""

import random

from backend.accounts.enums import OrgKind
from backend.accounts.uscc import check_character

# GB 32100-2015 registration-authority and organisation-type digits: 11 = government
# body, 12 = public institution (universities, public research institutes), 91 = company.
_USCC_PREFIX = {
    OrgKind.government: "11",
    OrgKind.university: "12",
    OrgKind.research_institute: "12",
    OrgKind.enterprise: "91",
    OrgKind.transfer_agency: "91",
}

# Chinese patent numbers: the type digit after the year (1 invention, 2 utility model, 3 design).
_PATENT_TYPE = {"invention_patent": "1", "utility_model": "2", "design": "3"}
_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def demo_uscc(kind: OrgKind, region: str, serial: int) -> str:
    body = f"{_USCC_PREFIX[kind]}{region}TMDEM{serial:04d}"
    return body + check_character(body)


def _patent_check(digits: str) -> str:
    """CNIPA application-number check digit (mod 11, 10 written as X)."""
    total = sum(int(d) * w for d, w in zip(digits, _PATENT_WEIGHTS, strict=True)) % 11
    return "X" if total == 10 else str(total)


def ip_record(rng: random.Random, kind: str, *, english: bool) -> dict[str, str | None]:
    """One IP record as the API accepts it: kind, number, status, title."""
    year = rng.randint(2016, 2024)
    if kind in _PATENT_TYPE:
        digits = f"{year}{_PATENT_TYPE[kind]}{rng.randint(0, 9_999_999):07d}"
        number = f"{digits}.{_patent_check(digits)}"
        # Recent invention applications are often still under examination.
        pending = kind == "invention_patent" and year >= 2023
        return {
            "kind": kind,
            "number": number if pending else f"ZL{number}",
            "status": "application" if pending else "granted",
            "title": None,
        }
    if kind == "software_copyright":
        return {
            "kind": kind,
            "number": f"{year}SR{rng.randint(0, 9_999_999):07d}",
            "status": "registered",
            "title": None,
        }
    title = "Process know-how and parameter set" if english else "工艺诀窍与关键参数（技术秘密）"
    return {"kind": "trade_secret", "number": None, "status": "not_applicable", "title": title}
