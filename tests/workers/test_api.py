"""The in-app channel, preferences, jobs and failed-task routes over HTTP."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.jobs import service as jobs
from backend.notifications.models import OutboxMessage
from backend.notifications.service import emit
from tests.factories import auth, make_org, make_output, make_user


def test_in_app_list_unread_count_and_mark_read(client, session: Session) -> None:
    org = make_org(session, kind=OrgKind.university)
    owner = make_user(session, org, role=Role.org_admin, locale="en")
    other = make_user(session, make_org(session))
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    listing = make_output(session, owner, status="pending_review", title="Graphene film")
    session.commit()
    r = client.post(
        f"/api/outputs/{listing.id}/review",
        headers=auth(reviewer),
        json={"decision": "revise", "reason": "Add the patent number"},
    )
    assert r.status_code == 200, r.text
    emit(
        session,
        event="match.new",
        payload={"kind": "output", "listing_id": listing.id, "title": "Need X", "score": "0.82"},
        recipients=[owner.id],
    )
    session.commit()

    assert client.get("/api/notifications/unread-count", headers=auth(owner)).json() == {"unread": 2}
    page = client.get("/api/notifications", headers=auth(owner)).json()
    assert page["total"] == 2
    newest, revise = page["items"]
    assert newest["event"] == "match.new" and newest["title"] == "New match: Need X"
    assert revise["event"] == "listing.revision_requested"
    assert "Add the patent number" in revise["body"]
    assert revise["link"].endswith(f"/outputs/{listing.id}")

    assert client.get("/api/notifications/unread-count", headers=auth(other)).json() == {"unread": 0}
    assert client.post(f"/api/notifications/{revise['id']}/read", headers=auth(other)).status_code == 404
    r = client.post(f"/api/notifications/{revise['id']}/read", headers=auth(owner))
    assert r.status_code == 200 and r.json()["read_at"] is not None
    unread = client.get("/api/notifications", headers=auth(owner), params={"unread": True}).json()
    assert [i["id"] for i in unread["items"]] == [newest["id"]]
    assert client.post("/api/notifications/read-all", headers=auth(owner)).json() == {"marked": 1}
    assert client.get("/api/notifications/unread-count", headers=auth(owner)).json() == {"unread": 0}
    assert client.get("/api/notifications").status_code == 401


def test_zh_cn_titles_by_default(client, session: Session) -> None:
    user = make_user(session, make_org(session))
    emit(
        session,
        event="listing.approved",
        payload={"kind": "need", "listing_id": 1, "title": "散热材料"},
        recipients=[user.id],
    )
    session.commit()
    item = client.get("/api/notifications", headers=auth(user)).json()["items"][0]
    assert item["title"] == "您的技术需求已通过审核：散热材料"


def test_preferences_round_trip_and_validation(client, session: Session) -> None:
    user = make_user(session, make_org(session))
    session.commit()
    assert client.get("/api/notifications/preferences", headers=auth(user)).json() == {
        "in_app": True,
        "email": True,
        "email_mode": "immediate",
        "muted_events": [],
    }
    new = {"in_app": True, "email": False, "email_mode": "digest", "muted_events": ["match.new"]}
    assert client.put("/api/notifications/preferences", headers=auth(user), json=new).json() == new
    assert client.get("/api/notifications/preferences", headers=auth(user)).json() == new
    bad = client.put("/api/notifications/preferences", headers=auth(user), json={**new, "email_mode": "hourly"})
    assert bad.status_code == 422


def test_job_progress_visible_to_its_owner_and_staff(client, session: Session) -> None:
    owner = make_user(session, make_org(session))
    stranger = make_user(session, make_org(session))
    staff = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    job = jobs.create_job(session, kind="import", created_by=owner)
    jobs.set_progress(session, job, done=30, total=120, message="rows")
    session.commit()
    body = client.get(f"/api/jobs/{job.id}", headers=auth(owner)).json()
    assert (body["state"], body["progress"], body["message"]) == ("running", 25, "rows")
    assert client.get(f"/api/jobs/{job.id}", headers=auth(staff)).status_code == 200
    assert client.get(f"/api/jobs/{job.id}", headers=auth(stranger)).status_code == 404
    jobs.finish(session, job, result={"imported": 120})
    session.commit()
    body = client.get(f"/api/jobs/{job.id}", headers=auth(owner)).json()
    assert (body["state"], body["progress"], body["result"]) == ("succeeded", 100, {"imported": 120})


def test_failed_tasks_listed_for_platform_admins_and_retried_through_the_outbox(client, session: Session) -> None:
    admin = make_user(session, make_org(session, kind=OrgKind.government), role=Role.platform_admin)
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    row = jobs.record_failure(
        session,
        task_id="t-1",
        task="techmatch.notifications.deliver_email",
        args=[42],
        kwargs={},
        error="SMTPServerDisconnected: gone",
        traceback=None,
        retries=6,
    )
    session.commit()
    assert client.get("/api/admin/failed-tasks", headers=auth(reviewer)).status_code == 403
    page = client.get("/api/admin/failed-tasks", headers=auth(admin)).json()
    assert [(i["task"], i["args"], i["retries"]) for i in page["items"]] == [
        ("techmatch.notifications.deliver_email", [42], 6)
    ]
    r = client.post(f"/api/admin/failed-tasks/{row.id}/retry", headers=auth(admin))
    assert r.status_code == 200 and r.json()["retried_at"]
    queued = session.scalars(select(OutboxMessage).where(OutboxMessage.task == row.task)).all()
    assert [m.args for m in queued] == [[42]]
    assert client.post(f"/api/admin/failed-tasks/{row.id}/retry", headers=auth(admin)).status_code == 409
    assert client.get("/api/admin/failed-tasks", headers=auth(admin)).json()["total"] == 0
    assert (
        client.get("/api/admin/failed-tasks", headers=auth(admin), params={"include_retried": True}).json()["total"]
        == 1
    )
