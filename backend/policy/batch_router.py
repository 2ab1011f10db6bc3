"""HTTP routes of batch evaluation: start the job, then download its list."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, status
from fastapi.responses import Response
from pydantic import BaseModel, Field, StringConstraints

from backend.accounts.deps import StaffUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES, InvalidState
from backend.core.params import IdPath
from backend.jobs import service as jobs
from backend.jobs.schemas import JobOut
from backend.policy import export, store
from backend.policy.batch import TASK

router = APIRouter(prefix="/policy/batch", tags=["policy"], responses=ERROR_RESPONSES)

_FILES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
        },
        "description": "The evaluated list as CSV or XLSX",
    }
}


class BatchIn(BaseModel):
    rule_set: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9\-]{0,79}$")]
    year: Annotated[int, Field(ge=2000, le=2100)]


@router.post("", status_code=status.HTTP_202_ACCEPTED, operation_id="startBatchEvaluation")
def start(session: SessionDep, reviewer: StaffUser, data: BatchIn) -> JobOut:
    """Evaluate every deal of a year under a rule set in the background; follow it at GET /api/jobs/{id}."""
    store.get(session, data.rule_set)
    job = jobs.create_job(
        session, kind="policy.batch_evaluate", created_by=reviewer, params=data.model_dump(), task=TASK
    )
    return JobOut.model_validate(job)


@router.get("/{job_id}/export", operation_id="exportBatchEvaluation", response_class=Response, responses=_FILES)
def download(
    session: SessionDep,
    reviewer: StaffUser,
    job_id: IdPath,
    fmt: Annotated[Literal["csv", "xlsx"], Query(alias="format")] = "xlsx",
) -> Response:
    job = jobs.get_visible(session, user=reviewer, job_id=job_id)
    if job.kind != "policy.batch_evaluate" or job.state != "succeeded" or not job.result:
        raise InvalidState(f"The job is {job.state}; download when it has succeeded", code="job_not_finished")
    rows = job.result.get("rows", [])
    name = f"evaluation-{job.params.get('rule_set')}-{job.params.get('year')}"
    if fmt == "csv":
        body, media = export.to_csv(rows), "text/csv; charset=utf-8"
    else:
        body, media = export.to_xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
