"""Batch evaluation of a year's deals: rows, progress, job start, CSV and XLSX export."""

import csv
import io

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.jobs import service as jobs
from backend.jobs.models import Job
from backend.notifications.models import OutboxMessage
from backend.policy.batch import TASK, evaluate_year
from tests.factories import auth
from tests.policy_api.test_applications import _deal, _reviewer


def test_every_deal_of_the_year_is_evaluated_with_progress(session: Session) -> None:
    first, *_ = _deal(session)
    second, *_ = _deal(session, total="200000.00", paid="200000.00")
    seen: list[tuple[int, int]] = []
    rows = evaluate_year(session, rule_set="jiangxi-2020-buyer", year=2025, progress=lambda d, t: seen.append((d, t)))
    assert [r["deal_id"] for r in rows] == [first.id, second.id]
    assert [r["amount_if_eligible"] for r in rows] == ["25000.00", "5000.00"]
    assert seen == [(1, 2), (2, 2)]
    assert evaluate_year(session, rule_set="jiangxi-2020-buyer", year=2024) == []


def test_reviewer_starts_the_job_and_downloads_the_list(client: TestClient, session: Session) -> None:
    deal, *_ = _deal(session)
    reviewer = _reviewer(session)
    started = client.post(
        "/api/policy/batch", headers=auth(reviewer), json={"rule_set": "jiangxi-2020-buyer", "year": 2025}
    )
    assert started.status_code == 202, started.text
    job_id = started.json()["id"]
    # The outbox hands the job to a worker after the commit.
    assert session.scalar(select(OutboxMessage).where(OutboxMessage.task == TASK)) is not None
    early = client.get(f"/api/policy/batch/{job_id}/export?format=csv", headers=auth(reviewer))
    assert early.status_code == 409
    job = session.get(Job, job_id)
    assert job is not None
    jobs.finish(session, job, result={"rows": evaluate_year(session, rule_set="jiangxi-2020-buyer", year=2025)})
    as_csv = client.get(f"/api/policy/batch/{job_id}/export?format=csv", headers=auth(reviewer))
    rows = list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert rows[0]["deal_id"] == str(deal.id) and rows[0]["amount_if_eligible"] == "25000.00"
    as_xlsx = client.get(f"/api/policy/batch/{job_id}/export?format=xlsx", headers=auth(reviewer))
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    assert sheet is not None and sheet.cell(row=2, column=1).value == deal.id
