"""``POST /imports/{kind}``: an organisation's admin uploads a CSV or JSONL file of drafts."""

from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, UploadFile

from backend.accounts.deps import require_roles
from backend.accounts.enums import Role
from backend.accounts.models import User
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES, DomainError
from backend.listings.import_source import MAX_ROWS, RowsSource
from backend.listings.importer import ImportReport, KindName, import_listings

MAX_IMPORT_BYTES = 5 * 1024 * 1024

OrgAdmin = Annotated[User, Depends(require_roles(Role.org_admin))]

router = APIRouter(prefix="/imports", tags=["imports"], responses=ERROR_RESPONSES)


class ImportTooLarge(DomainError):
    status_code = 413
    code = "payload_too_large"


@router.post(
    "/{kind}",
    operation_id="importListings",
    summary="Import drafts from a CSV or JSON Lines file",
    description=(
        "CSV (UTF-8, with or without BOM; header = field names of the create schema; lists separated by "
        "';' or '|') or JSON Lines (one create body per line). Every row is validated; a file with errors "
        f"imports nothing unless skip_invalid is set. At most {MAX_IMPORT_BYTES // (1024 * 1024)} MB and "
        f"{MAX_ROWS} rows. Rows become drafts of your organisation."
    ),
)
def import_file(
    kind: KindName,
    file: Annotated[UploadFile, File(description="The .csv or .jsonl file")],
    session: SessionDep,
    user: OrgAdmin,
    skip_invalid: Annotated[bool, Query(description="Import the valid rows even when others have errors")] = False,
) -> ImportReport:
    # Read one byte past the limit: enough to know the file is too large without reading all of it.
    data = file.file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportTooLarge(f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB; split it")
    source = RowsSource.from_bytes(data, name=file.filename or "upload")
    return import_listings(session, kind=kind, actor=user, rows_source=source, skip_invalid=skip_invalid)
