"""Saved-search alerts: a newly published listing notifies each user whose search it fits, once."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind
from backend.accounts.models import User
from backend.listings.kinds import NEEDS, OUTPUTS
from backend.matching.alerts import alert_new_listing
from backend.notifications.enums import EmailMode
from backend.notifications.models import Delivery, Notification
from backend.notifications.service import set_preferences
from backend.searches.alerts import alert_saved_searches
from backend.searches.models import SavedSearch
from tests.factories import make_need, make_org, make_output, make_user


def _search(session: Session, user: User, **kw: object) -> SavedSearch:
    values: dict[str, object] = {"kind": "output", "name": "watch", "q": None, "field_code": None, "region": None}
    values.update(kw)
    search = SavedSearch(user_id=user.id, **values)
    session.add(search)
    session.flush()
    return search


def _alerted(session: Session) -> dict[int, list[str]]:
    rows = session.execute(
        select(Delivery.user_id, Notification.payload)
        .join(Notification, Notification.id == Delivery.notification_id)
        .where(Notification.event == "search.match", Delivery.channel == "in_app")
    ).all()
    found: dict[int, list[str]] = {}
    for user_id, payload in rows:
        found.setdefault(user_id, []).append(payload["search_name"])
    return found


def test_keywords_field_and_region_must_all_fit(session: Session) -> None:
    university = make_user(session, make_org(session, kind=OrgKind.university))
    fits = make_user(session, make_org(session))
    wrong_field = make_user(session, make_org(session))
    wrong_region = make_user(session, make_org(session))
    wrong_words = make_user(session, make_org(session))
    province = make_user(session, make_org(session))
    _search(session, fits, name="石墨烯", q="石墨烯 散热", field_code="i-graphene-new-materials")
    _search(session, wrong_field, name="电子", q="石墨烯", field_code="i-electronics")
    _search(session, wrong_region, name="柳州", q="石墨烯", region="450200")
    _search(session, wrong_words, name="甘蔗", q="甘蔗")
    _search(session, province, name="广西", region="450000")  # a province includes its cities

    output = make_output(session, university)  # Nanning (450100), graphene, 石墨烯 in title and keywords
    assert alert_saved_searches(session, kind=OUTPUTS, listing=output) == 2
    assert _alerted(session) == {fits.id: ["石墨烯"], province.id: ["广西"]}


def test_one_alert_per_user_and_none_on_a_retry(session: Session) -> None:
    university = make_user(session, make_org(session, kind=OrgKind.university))
    watcher = make_user(session, make_org(session))
    _search(session, watcher, name="first", q="石墨烯")
    _search(session, watcher, name="second", field_code="i-graphene-new-materials")
    output = make_output(session, university)
    alert_saved_searches(session, kind=OUTPUTS, listing=output)
    alert_saved_searches(session, kind=OUTPUTS, listing=output)  # the task ran again
    assert _alerted(session) == {watcher.id: ["first"]}


def test_own_organisation_kind_and_switched_off_searches_stay_silent(session: Session) -> None:
    org = make_org(session, kind=OrgKind.university)
    owner = make_user(session, org)
    colleague = make_user(session, org)
    needs_watcher = make_user(session, make_org(session))
    quiet = make_user(session, make_org(session))
    _search(session, colleague, q="石墨烯")
    _search(session, needs_watcher, kind="need", q="石墨烯")
    _search(session, quiet, q="石墨烯", alerts=False)
    output = make_output(session, owner)
    assert alert_saved_searches(session, kind=OUTPUTS, listing=output) == 0
    assert _alerted(session) == {}


def test_needs_alert_need_searches_and_muting_the_event_is_respected(session: Session) -> None:
    company = make_user(session, make_org(session))
    university = make_user(session, make_org(session, kind=OrgKind.university))
    muted = make_user(session, make_org(session, kind=OrgKind.university))
    _search(session, university, kind="need", name="散热需求", q="散热")
    _search(session, muted, kind="need", q="散热")
    set_preferences(
        session, user=muted, in_app=True, email=True, email_mode=EmailMode.immediate, muted_events=["search.match"]
    )
    need = make_need(session, company)
    alert_saved_searches(session, kind=NEEDS, listing=need)
    assert _alerted(session) == {university.id: ["散热需求"]}


def test_a_draft_is_not_announced(session: Session) -> None:
    university = make_user(session, make_org(session, kind=OrgKind.university))
    watcher = make_user(session, make_org(session))
    _search(session, watcher, q="石墨烯")
    draft = make_output(session, university, status="draft")
    assert alert_saved_searches(session, kind=OUTPUTS, listing=draft) == 0


def test_publication_alert_covers_saved_searches(session: Session) -> None:
    university = make_user(session, make_org(session, kind=OrgKind.university))
    watcher = make_user(session, make_org(session))
    _search(session, watcher, name="graphene", q="石墨烯")
    output = make_output(session, university)
    alert_new_listing(session, kind="output", listing_id=output.id)
    assert _alerted(session) == {watcher.id: ["graphene"]}


def test_saved_search_alerts_stay_off_the_organisations_webhooks(session: Session) -> None:
    from backend.notifications.models import WebhookDelivery, WebhookEndpoint

    university = make_user(session, make_org(session, kind=OrgKind.university))
    watcher_org = make_org(session)
    watcher = make_user(session, watcher_org)
    # Subscribed to every event: a colleague's private search must still not reach it.
    session.add(
        WebhookEndpoint(organisation_id=watcher_org.id, url="https://erp.example/h", secret="k" * 64, events=[])
    )
    _search(session, watcher, name="私人关注", q="石墨烯")
    output = make_output(session, university)
    assert alert_saved_searches(session, kind=OUTPUTS, listing=output) == 1
    assert session.scalars(select(WebhookDelivery)).all() == []


def test_a_listing_withdrawn_before_the_task_runs_alerts_nobody(session: Session) -> None:
    from backend.accounts.enums import Role

    university = make_user(session, make_org(session, kind=OrgKind.university))
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    company = make_user(session, make_org(session))
    make_need(session, company, title="石墨烯散热膜", description="需要高导热石墨烯散热膜用于手机散热")
    # Staff see listings in any status but a draft when they browse; an alert still needs a published one.
    _search(session, reviewer, q="石墨烯")
    output = make_output(session, university, status="withdrawn")
    assert alert_new_listing(session, kind="output", listing_id=output.id) == 0
    assert session.scalars(select(Notification)).all() == []


def test_staff_searches_alert_on_published_listings(session: Session) -> None:
    from backend.accounts.enums import Role

    university = make_user(session, make_org(session, kind=OrgKind.university))
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    _search(session, reviewer, name="审核关注", q="石墨烯", region="450000")
    output = make_output(session, university)
    assert alert_saved_searches(session, kind=OUTPUTS, listing=output) == 1
    assert _alerted(session) == {reviewer.id: ["审核关注"]}
