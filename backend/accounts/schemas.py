"""Request and response shapes of the accounts API."""

import re
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from backend.accounts.enums import Locale, OrgKind, OrgStatus, Role
from backend.accounts.uscc import normalise_uscc, uscc_error
from backend.core.regions import REGIONS, is_region


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def _valid_uscc(value: str) -> str:
    code = normalise_uscc(value)
    problem = uscc_error(code)
    if problem:
        raise ValueError(f"unified social credit code {problem}")
    return code


def _valid_region(value: str) -> str:
    if not is_region(value):
        raise ValueError("unknown region code; see GET /taxonomy/regions")
    return value


def _not_blank(value: str) -> str:
    if not re.search(r"[^\s\x00]", value):
        raise ValueError("must not be blank")
    return value


def json_integer(value: Any) -> Any:
    # The schema says integer: "5" and true are refused (5.0 is an integer in JSON Schema too).
    if isinstance(value, str | bool):
        raise ValueError("must be a JSON integer, not a string or boolean")
    return value


# The patterns state in the schema what the validators check, so clients (and schema-driven
# tests) know that NUL characters and blank names are refused. Text is kept as written: no
# stripping, so the length the schema states is the length that is checked and stored.
NO_NUL = r"^[^\x00]*$"
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"
Text = Annotated[str, AfterValidator(_no_nul), Field(json_schema_extra={"pattern": NO_NUL})]
Required = Annotated[Text, AfterValidator(_not_blank), Field(json_schema_extra={"pattern": NOT_BLANK})]
Name = Annotated[Required, StringConstraints(min_length=1, max_length=200)]
# Validators after the Field, so the schema states the bounds as minimum and maximum.
Version = Annotated[
    int,
    Field(ge=1, le=2**31 - 1, description="The version you read; a stale one gets 409"),
    BeforeValidator(json_integer),
]
# The pattern states the alphabet; the check character (GB 32100-2015) is checked on top of it.
USCC_PATTERN = "^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$"
USCC = Annotated[
    str, StringConstraints(min_length=18, max_length=18, pattern=USCC_PATTERN), AfterValidator(_valid_uscc)
]
# The schema lists the codes so clients (and schema-driven tests) know which values are valid.
RegionCode = Annotated[
    str,
    StringConstraints(min_length=6, max_length=6),
    AfterValidator(_valid_region),
    WithJsonSchema({"type": "string", "enum": sorted(REGIONS)}),
]
Password = Annotated[Text, StringConstraints(min_length=10, max_length=128)]


class OrganisationIn(BaseModel):
    name: Name
    name_en: Annotated[Text, StringConstraints(max_length=200)] | None = None
    kind: OrgKind
    region: RegionCode = Field(description="GB/T 2260 code of a Guangxi city or a province")
    uscc: USCC = Field(description="Unified social credit code (统一社会信用代码), 18 characters")
    description: Annotated[Text, StringConstraints(max_length=4000)] | None = None


TEAM_SHARE_PATTERN = r"^((7\d|8\d|9[0-8])(\.\d{1,2})?|99(\.00?)?)$"


def _exact_team_share(value: Any) -> Any:
    # As for money: no floats, and strings exactly as the schema's pattern states.
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 75.0 is an integer in JSON Schema, so the schema allows it
    if isinstance(value, bool | float) or (isinstance(value, str) and not re.fullmatch(TEAM_SHARE_PATTERN, value)):
        raise ValueError('the team share is a percentage from 70 to 99 with up to two decimals, e.g. "75.5"')
    return value


# Guangxi's range for the research team's share of net income (POLICY.md section 6).
TeamShare = Annotated[
    Decimal,
    BeforeValidator(_exact_team_share),
    Field(ge=70, le=99, max_digits=4, decimal_places=2, description="Percent of net income to the research team"),
    WithJsonSchema(
        {
            "description": "Percent from 70 to 99, two decimals at most; unset means the law's minimum of 50",
            "anyOf": [
                {"type": "string", "pattern": TEAM_SHARE_PATTERN},
                {"type": "integer", "minimum": 70, "maximum": 99},
            ],
        },
        mode="validation",
    ),
]


class OrganisationUpdate(BaseModel):
    version: Version
    name: Name | None = None
    name_en: Annotated[Text, StringConstraints(max_length=200)] | None = None
    region: RegionCode | None = None
    description: Annotated[Text, StringConstraints(max_length=4000)] | None = None
    team_share_percent: TeamShare | None = None


class OrganisationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    name_en: str | None
    kind: OrgKind
    region: str
    uscc: str
    description: str | None
    status: OrgStatus
    review_reason: str | None
    verified_at: datetime | None
    team_share_percent: Annotated[
        Decimal | None, PlainSerializer(lambda v: None if v is None else f"{v:.2f}", return_type=str | None)
    ] = Field(description="Percent to the research team; null means the law's 50")
    version: int
    created_at: datetime


class OrganisationReview(BaseModel):
    decision: Annotated[str, StringConstraints(pattern="^(verify|reject)$")] = Field(description="verify or reject")
    reason: Annotated[Text, StringConstraints(max_length=1000)] | None = None


class RegisterIn(BaseModel):
    email: EmailStr
    password: Password
    full_name: Annotated[Required, StringConstraints(min_length=1, max_length=100)]
    locale: Locale = Locale.zh_cn
    organisation: OrganisationIn


class MemberIn(BaseModel):
    email: EmailStr
    password: Password
    full_name: Annotated[Required, StringConstraints(min_length=1, max_length=100)]
    role: Role = Role.member
    locale: Locale = Locale.zh_cn


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    full_name: str
    role: Role
    locale: Locale
    organisation_id: int
    is_active: bool
    created_at: datetime


class MeOut(UserOut):
    organisation: OrganisationOut


class MeUpdate(BaseModel):
    full_name: Annotated[Required, StringConstraints(min_length=1, max_length=100)] | None = None
    locale: Locale | None = None


class LoginIn(BaseModel):
    email: Annotated[Text, StringConstraints(min_length=3, max_length=254)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


class RefreshIn(BaseModel):
    refresh_token: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_at: datetime
