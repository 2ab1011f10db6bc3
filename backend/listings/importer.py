"""Bulk import of research outputs and technology needs from CSV or JSON Lines.

Every row is checked with the draft schema the API uses (``OutputDraft``/``NeedDraft``),
so an imported listing is exactly what the create endpoint would have made. A file with
any bad row imports nothing unless ``skip_invalid`` says to keep the good rows; rows
become drafts of the actor's organisation through ``service.create``, which writes the
audit trail. The caller owns the transaction: all rows commit together or not at all.

CSV cells are strings. Columns are the schema's field names; list fields take items
separated by ';' or '|' (``keywords``, ``transfer_modes``, ``cooperation_modes``...), and
the structured lists take either a JSON array or a short form per item:
``owners`` "name:share", ``ip_records`` "kind:number:status", ``advantages`` the text.
JSON Lines hold one create body per line, validated exactly as the API validates it.
"""

import json
import re
from collections.abc import Callable
from functools import cache
from types import NoneType, UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core.errors import Forbidden
from backend.listings import service
from backend.listings.import_source import ImportFileError, ImportFormat, RowsSource, SourceRow
from backend.listings.kinds import NEEDS, OUTPUTS, ListingKind
from backend.listings.schemas import NeedDraft, OutputDraft

KindName = Literal["outputs", "needs"]
KINDS: dict[str, ListingKind] = {"outputs": OUTPUTS, "needs": NEEDS}
DRAFT_SCHEMAS: dict[str, type[OutputDraft] | type[NeedDraft]] = {"outputs": OutputDraft, "needs": NeedDraft}

# A report lists this many errors at most; ``error_count`` still counts them all.
MAX_REPORTED_ERRORS = 500

# (phase, done, total): phase is "validate" then "import".
Progress = Callable[[str, int, int], None]

_ITEM_SEPARATORS = re.compile(r"[;|；]")
_PART_SEPARATORS = re.compile(r"[:：]")
_INTEGER = re.compile(r"[+-]?\d+")
_BOOLEANS = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False, "是": True, "否": False}

CellKind = Literal["int", "bool", "list", "models", "text"]


class RowError(BaseModel):
    line: int = Field(description="Line in the file where the row starts (a CSV header is line 1)")
    field: str | None = Field(description="Column or key, dotted into lists (owners.1.share); null for the row")
    message: str


class ImportReport(BaseModel):
    kind: KindName
    format: ImportFormat
    rows: int = Field(description="Data rows read from the file")
    valid: int = Field(description="Rows that passed validation")
    imported: int = Field(description="Drafts created; 0 when the file had errors and skip_invalid was off")
    skipped: int = Field(description="Invalid rows left out because skip_invalid was on")
    error_count: int = Field(description="Errors found, all of them; 'errors' lists the first 500")
    errors: list[RowError]
    created_ids: list[int] = Field(description="Ids of the drafts created, in file order")


def _split(cell: str) -> list[str]:
    return [item.strip() for item in _ITEM_SEPARATORS.split(cell) if item.strip()]


def _owner(item: str) -> dict[str, str]:
    name, _, share = item.rpartition(":") if ":" in item else item.rpartition("：")
    return {"name": name.strip(), "share": share.strip()} if name else {"name": item.strip()}


def _ip_record(item: str) -> dict[str, str]:
    parts = [part.strip() for part in _PART_SEPARATORS.split(item)]
    record = {key: part for key, part in zip(("kind", "number", "status"), parts, strict=False) if part}
    return record | ({"title": ":".join(parts[3:])} if len(parts) > 3 else {})


# Short forms of the structured lists, one item between separators.
_SHORT_FORMS: dict[str, Callable[[str], dict[str, str]]] = {
    "owners": _owner,
    "ip_records": _ip_record,
    "advantages": lambda item: {"description": item},
}


def _base(annotation: Any) -> Any:
    """The type under ``Optional[...]`` and ``Annotated[...]``."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType) and len(args := [a for a in get_args(annotation) if a is not NoneType]) == 1:
            annotation = args[0]
        else:
            return annotation


@cache
def cell_kinds(schema: type[BaseModel]) -> dict[str, CellKind]:
    """How to read each column's CSV cell, derived from the schema so new fields just work."""
    kinds: dict[str, CellKind] = {}
    for name, info in schema.model_fields.items():
        base = _base(info.annotation)
        if get_origin(base) is list:
            item = _base(get_args(base)[0])
            kinds[name] = "models" if isinstance(item, type) and issubclass(item, BaseModel) else "list"
        elif base is bool:
            kinds[name] = "bool"
        elif base is int:
            kinds[name] = "int"
        else:
            kinds[name] = "text"
    return kinds


def _cell(kind: CellKind, name: str, cell: str) -> Any:
    """One CSV cell in the shape the schema takes; ValueError says what is wrong with it."""
    if kind in ("list", "models") and cell.startswith("["):
        try:
            return json.loads(cell)
        except json.JSONDecodeError:
            pass  # not JSON after all: read it as the short form
    if kind == "list":
        return _split(cell)
    if kind == "models":
        if name not in _SHORT_FORMS:
            raise ValueError("give a JSON array of objects")
        return [_SHORT_FORMS[name](item) for item in _split(cell)]
    if kind == "int":
        if not _INTEGER.fullmatch(cell):
            raise ValueError("must be a whole number")
        return int(cell)
    if kind == "bool":
        if cell.lower() not in _BOOLEANS:
            raise ValueError("must be true or false (also yes/no, 1/0, 是/否)")
        return _BOOLEANS[cell.lower()]
    return cell


def _from_csv(schema: type[BaseModel], line: int, values: dict[str, str]) -> tuple[dict[str, Any], list[RowError]]:
    """CSV cells (strings) to the shapes the schema takes; an empty cell means 'not given'."""
    kinds = cell_kinds(schema)
    out: dict[str, Any] = {}
    errors = []
    for name, raw in values.items():
        cell = (raw or "").strip()
        if not cell:
            continue
        try:
            out[name] = _cell(kinds[name], name, cell)
        except ValueError as exc:
            errors.append(RowError(line=line, field=name, message=str(exc)))
    return out, errors


def _errors(line: int, exc: ValidationError) -> list[RowError]:
    errors = []
    for error in exc.errors(include_input=False):
        where = ".".join(str(part) for part in error["loc"]) or None
        errors.append(RowError(line=line, field=where, message=error["msg"].removeprefix("Value error, ")))
    return errors


def validate_row(
    schema: type[OutputDraft] | type[NeedDraft], row: SourceRow, *, fmt: ImportFormat
) -> OutputDraft | NeedDraft | list[RowError]:
    """The row as a draft, or what is wrong with it."""
    if row.error:
        return [RowError(line=row.line, field=None, message=row.error)]
    unknown = sorted(set(row.values) - set(schema.model_fields))
    if unknown:
        # The schema would ignore them; a column the user filled in must not vanish silently.
        return [RowError(line=row.line, field=name, message="unknown field") for name in unknown]
    values, errors = _from_csv(schema, row.line, row.values) if fmt == "csv" else (row.values, [])
    try:
        draft = schema.model_validate(values)
    except ValidationError as exc:
        return errors + _errors(row.line, exc)
    return errors or draft


def import_listings(
    session: Session,
    *,
    kind: KindName,
    actor: User,
    rows_source: RowsSource,
    skip_invalid: bool,
    progress: Progress | None = None,
) -> ImportReport:
    """Validate every row, then create drafts owned by ``actor``'s organisation. Only flushes."""
    if not actor.is_active:
        raise Forbidden("This account is disabled", code="account_disabled")
    schema = DRAFT_SCHEMAS[kind]
    unknown = [column for column in rows_source.columns if column not in schema.model_fields]
    if unknown:
        # Said once for the file rather than on every row; no row could keep these values.
        raise ImportFileError(
            f"{rows_source.name}: unknown columns {', '.join(unknown)}; "
            f"the header names fields of the {kind} schema: {', '.join(schema.model_fields)}"
        )
    total = len(rows_source.rows)
    drafts: list[OutputDraft | NeedDraft] = []
    errors: list[RowError] = []
    invalid_rows = 0
    for done, row in enumerate(rows_source.rows, start=1):
        result = validate_row(schema, row, fmt=rows_source.format)
        if isinstance(result, list):
            errors.extend(result)
            invalid_rows += 1
        else:
            drafts.append(result)
        if progress:
            progress("validate", done, total)
    created: list[int] = []
    if not errors or skip_invalid:
        for done, draft in enumerate(drafts, start=1):
            created.append(service.create(session, kind=KINDS[kind], actor=actor, data=draft).id)
            if progress:
                progress("import", done, len(drafts))
    return ImportReport(
        kind=kind,
        format=rows_source.format,
        rows=total,
        valid=len(drafts),
        imported=len(created),
        skipped=invalid_rows if skip_invalid else 0,
        error_count=len(errors),
        errors=errors[:MAX_REPORTED_ERRORS],
        created_ids=created,
    )
