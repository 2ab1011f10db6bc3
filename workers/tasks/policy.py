"""Batch evaluation of a year's deals under a rule set, as a job with progress."""

from backend.jobs.models import Job
from backend.policy.batch import TASK, evaluate_year
from workers.base import task
from workers.db import unit_of_work
from workers.jobs import running_job


@task(TASK)
def batch_evaluate(job_id: int) -> None:
    with unit_of_work() as session:
        job = session.get(Job, job_id)
        if job is None or job.state == "succeeded":
            return  # a redelivered message for finished work
        rule_set, year = str(job.params["rule_set"]), int(job.params["year"])
    with running_job(job_id) as handle, unit_of_work() as session:
        rows = evaluate_year(
            session,
            rule_set=rule_set,
            year=year,
            progress=lambda done, total: handle.progress(done=done, total=total),
        )
        handle.result = {"rows": rows, "count": len(rows), "eligible": sum(1 for r in rows if r["eligible"])}
