"""Report downloads: XLSX or CSV, streamed."""

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from backend.accounts.deps import StaffUser
from backend.accounts.models import Organisation
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES, NotFound
from backend.core.params import IdPath
from backend.stats import access, export, reports
from backend.stats.access import StatsReader
from backend.stats.filters import current_local_year
from backend.stats.params import FiltersDep, FreshFacts, ThresholdsDep

router = APIRouter(prefix="/reports", responses=ERROR_RESPONSES)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Format = Annotated[Literal["xlsx", "csv"], Query(alias="format")]
Year = Annotated[int | None, Query(ge=2000, le=2100, description="Calendar year (Asia/Shanghai); default this year")]
_FILES: dict[int | str, dict[str, Any]] = {
    200: {"content": {XLSX: {}, "text/csv": {}}, "description": "The report as XLSX (default) or CSV"}
}


def _released(session: Session, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """CSV rows are read while the response is sent, after the request's unit of work ended; the
    read-only transaction they opened is ended here, which returns its connection to the pool."""
    try:
        yield from chunks
    finally:
        session.rollback()


def _download(session: Session, name: str, fmt: str, sheets: list[reports.Sheet]) -> StreamingResponse:
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "csv":
        first = sheets[0]
        body = _released(session, export.csv_stream(first.columns, first.rows))
        return StreamingResponse(body, media_type="text/csv; charset=utf-8", headers=headers)
    # The workbook is written while the session is still the request's; only the file is streamed.
    return StreamingResponse(export.file_chunks(export.write_xlsx(sheets)), media_type=XLSX, headers=headers)


@router.get(
    "/institutions/{org_id}", operation_id="statsInstitutionReport", response_class=StreamingResponse, responses=_FILES
)
def institution_report(
    session: SessionDep, user: StatsReader, org_id: IdPath, year: Year = None, fmt: Format = "xlsx"
) -> StreamingResponse:
    """An institution's annual transformation report: every contract of the year with its income and
    the team's share, and (XLSX) the totals by result. CSV holds the contract rows."""
    access.own_organisation_id(user, org_id)
    if session.get(Organisation, org_id) is None:
        raise NotFound(f"Organisation {org_id} not found")
    year = year or current_local_year()
    sheets = reports.institution_report(session, organisation_id=org_id, year=year)
    return _download(session, f"transformation-report-{org_id}-{year}", fmt, sheets)


@router.get("/summary", operation_id="statsSummaryReport", response_class=StreamingResponse, responses=_FILES)
def summary_report(
    session: SessionDep,
    _user: StaffUser,
    thresholds: ThresholdsDep,
    _: FreshFacts,
    year: Year = None,
    fmt: Format = "xlsx",
) -> StreamingResponse:
    """The department's yearly summary: totals, by city with targets, by type, field and month; (XLSX)
    every institution's results and every contract. CSV holds the summary rows."""
    year = year or current_local_year()
    sheets = reports.department_summary(session, year=year, thresholds=thresholds)
    return _download(session, f"summary-{year}", fmt, sheets)


@router.get("/contracts", operation_id="statsContractsReport", response_class=StreamingResponse, responses=_FILES)
def contracts_report(
    session: SessionDep, user: StatsReader, filters: FiltersDep, fmt: Format = "csv"
) -> StreamingResponse:
    """Every contract counted in a period, with the indicator filters; CSV (default) streams any range."""
    filters = access.scope(user, filters)
    sheet = reports.Sheet("Contracts", reports.CONTRACT_COLUMNS, reports.contract_rows(session, filters))
    return _download(session, f"contracts-{filters.date_from}-{filters.date_to}", fmt, [sheet])
