"""Match alerts: approving a listing queues the alert; it notifies the owners of strong matches, once per pair."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind
from backend.matching.alerts import ALERT_TASK, alert_new_listing
from backend.matching.live_index import NEED_INDEX, OUTPUT_INDEX
from backend.notifications.models import Notification, OutboxMessage
from tests.factories import make_need, make_org, make_output, make_user


def test_approval_queues_the_alert_task(client, session: Session) -> None:  # type: ignore[no-untyped-def]
    from backend.accounts.enums import Role
    from tests.factories import auth

    owner = make_user(session, make_org(session, kind=OrgKind.university))
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    output = make_output(session, owner, status="pending_review")
    need = make_need(session, owner, status="pending_review")
    for path in (f"/api/outputs/{output.id}/review", f"/api/needs/{need.id}/review"):
        assert client.post(path, headers=auth(reviewer), json={"decision": "approve"}).status_code == 200
    queued = session.scalars(select(OutboxMessage).where(OutboxMessage.task == ALERT_TASK)).all()
    assert sorted(m.args for m in queued) == [["need", need.id], ["output", output.id]]


def test_a_new_output_alerts_the_owner_of_a_matching_need_once(session: Session) -> None:
    OUTPUT_INDEX.reset()
    NEED_INDEX.reset()
    university = make_user(session, make_org(session, kind=OrgKind.university))
    company = make_user(session, make_org(session))
    need = make_need(session, company, title="石墨烯散热膜", description="需要高导热石墨烯散热膜用于手机散热")
    make_need(session, company, title="甘蔗收割机", description="甘蔗机械化收割", keywords=["甘蔗"])
    output = make_output(session, university)
    assert alert_new_listing(session, kind="output", listing_id=output.id) == 1
    assert alert_new_listing(session, kind="output", listing_id=output.id) == 1  # a retry: same notification
    rows = session.scalars(select(Notification).where(Notification.event == "match.new")).all()
    assert len(rows) == 1
    assert rows[0].payload["need_id"] == need.id and rows[0].payload["output_id"] == output.id
