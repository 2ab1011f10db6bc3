"""Lists: filters, Chinese keyword search, sorting, pagination, the review queue and the audit trail."""

from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import User
from tests.factories import auth, make_need, make_org, make_output, make_user


def _ids(client: TestClient, url: str, user: User | None = None) -> set[int]:
    response = client.get(url, headers=auth(user) if user else {})
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def _owner(session: Session) -> User:
    return make_user(session, make_org(session))


def test_filters_on_outputs(client: TestClient, session: Session) -> None:
    user = _owner(session)
    other_org_user = _owner(session)
    nanning = make_output(session, user, region="450100", trl=3, asking_price=Decimal("100000.00"))
    liuzhou = make_output(
        session,
        user,
        region="450200",
        trl=8,
        field_code="i-automotive-parts",
        transfer_modes=["equity"],
        asking_price=Decimal("2000000.00"),
    )
    beijing = make_output(session, other_org_user, region="110000", trl=6, asking_price=None, price_type="negotiable")
    mine = {nanning.id, liuzhou.id, beijing.id}

    def found(query: str) -> set[int]:
        return _ids(client, f"/api/outputs?page_size=100&{query}") & mine

    assert found("region=450100") == {nanning.id}
    assert found("region=450000") == {nanning.id, liuzhou.id}  # a province selects its cities
    assert found("region=110000") == {beijing.id}
    assert found("field=i-automotive-parts") == {liuzhou.id}
    assert found("trl_min=4&trl_max=7") == {beijing.id}
    assert found("trl_min=8") == {liuzhou.id}
    assert found("price_min=50000&price_max=150000.50") == {nanning.id}
    assert found("price_min=1000000") == {liuzhou.id}
    assert found("transfer_mode=equity") == {liuzhou.id}
    assert found("transfer_mode=assignment") == {nanning.id, beijing.id}
    assert found(f"organisation_id={other_org_user.organisation_id}") == {beijing.id}
    assert found("status=published") == mine
    assert found("status=withdrawn") == set()


def test_budget_filter_on_needs_is_an_overlap(client: TestClient, session: Session) -> None:
    user = _owner(session)
    low = make_need(session, user, budget_min=Decimal("10000.00"), budget_max=Decimal("50000.00"))
    high = make_need(session, user, budget_min=Decimal("1000000.00"), budget_max=Decimal("3000000.00"))
    open_ended = make_need(
        session, user, budget_min=Decimal("400000.00"), budget_max=None, cooperation_modes=["equity"]
    )
    mine = {low.id, high.id, open_ended.id}

    def found(query: str) -> set[int]:
        return _ids(client, f"/api/needs?page_size=100&{query}") & mine

    assert found("budget_min=40000&budget_max=60000") == {low.id}
    assert found("budget_min=2000000") == {high.id, open_ended.id}
    assert found("budget_max=20000") == {low.id}
    assert found("cooperation_mode=equity") == {open_ended.id}


def test_mine_lists_my_organisations_listings_in_any_status(client: TestClient, session: Session) -> None:
    user = _owner(session)
    colleague = make_user(session, user.organisation)
    draft = make_output(session, colleague, status="draft")
    published = make_output(session, user)
    theirs = make_output(session, _owner(session))
    found = _ids(client, "/api/outputs?mine=true&page_size=100", user)
    assert {draft.id, published.id} <= found and theirs.id not in found
    assert _ids(client, "/api/outputs?mine=true&page_size=100") & {draft.id, published.id, theirs.id} == set()


def test_chinese_keyword_search(client: TestClient, session: Session) -> None:
    user = _owner(session)
    target = make_output(
        session,
        user,
        title="甘蔗渣制备生物基可降解餐具",
        summary="以制糖副产物为原料",
        keywords=["蔗渣", "可降解"],
        confidential_detail="秘密配方CONFIDENTIAL-MARKER-7731",
    )
    other = make_output(session, user, title="铝合金轮毂低压铸造", summary="汽车零部件", keywords=["铝"])
    both = {target.id, other.id}

    def found(q: str) -> set[int]:
        return _ids(client, f"/api/outputs?page_size=100&q={q}") & both

    assert found("可降解餐具") == {target.id}  # a Chinese substring of the title
    assert found("制糖副产物") == {target.id}  # ... of the summary
    assert found("蔗渣") == {target.id}  # ... a keyword
    assert found("铸造 轮毂") == {other.id}  # several terms must all match
    assert found("铸造 餐具") == set()
    assert found("秘密配方") == set()  # confidential text is not searchable
    assert found("CONFIDENTIAL-MARKER") == set()


def test_keyword_only_in_keywords_list_is_found(client: TestClient, session: Session) -> None:
    user = _owner(session)
    target = make_output(session, user, title="Heat film", summary="thin film", keywords=["导热膜"])
    assert target.id in _ids(client, "/api/outputs?page_size=100&q=导热膜")
    need = make_need(session, user, title="Cooling need", description="phones", keywords=["散热片"])
    assert need.id in _ids(client, "/api/needs?page_size=100&q=散热片")


def test_sorting(client: TestClient, session: Session) -> None:
    user = _owner(session)
    org = user.organisation_id
    made = [
        make_output(session, user, title="B成果", trl=5, asking_price=Decimal("300.00")),
        make_output(session, user, title="A成果", trl=9, asking_price=Decimal("100.00")),
        make_output(session, user, title="C成果", trl=2, asking_price=Decimal("200.00")),
    ]

    def order(sort: str) -> list[str]:
        response = client.get(f"/api/outputs?organisation_id={org}&sort={sort}")
        return [item["title"] for item in response.json()["items"]]

    assert order("title") == ["A成果", "B成果", "C成果"]
    assert order("-trl") == ["A成果", "B成果", "C成果"]
    assert order("trl") == ["C成果", "B成果", "A成果"]
    assert order("price") == ["A成果", "C成果", "B成果"]
    assert order("-price") == ["B成果", "C成果", "A成果"]
    assert len(made) == 3
    assert client.get("/api/outputs?sort=secret_column").status_code == 422


def test_pagination_and_the_capped_page_size(client: TestClient, session: Session) -> None:
    user = _owner(session)
    org = user.organisation_id
    created = {make_output(session, user, title=f"成果{i:02d}").id for i in range(7)}
    seen: list[int] = []
    for page in (1, 2, 3):
        body = client.get(f"/api/outputs?organisation_id={org}&page={page}&page_size=3&sort=title").json()
        assert body["total"] == 7 and body["page"] == page and body["page_size"] == 3
        seen += [item["id"] for item in body["items"]]
    assert len(seen) == 7 and set(seen) == created
    too_big = client.get("/api/outputs?page_size=100000")
    assert too_big.status_code == 422 and too_big.json()["code"] == "validation_error"
    assert client.get("/api/outputs?page=0").status_code == 422


def _reviewer(session: Session) -> User:
    return make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)


def test_review_queue_is_for_reviewers_oldest_first(client: TestClient, session: Session) -> None:
    user = _owner(session)
    first = make_output(session, user, status="pending_review")
    second = make_output(session, user, status="pending_review")
    draft = make_output(session, user, status="draft")
    reviewer = _reviewer(session)
    response = client.get("/api/outputs/queue?page_size=100", headers=auth(reviewer))
    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["items"]]
    assert ids.index(first.id) < ids.index(second.id)
    assert draft.id not in ids
    assert client.get("/api/outputs/queue", headers=auth(user)).status_code == 403
    assert client.get("/api/outputs/queue").status_code == 401


def _history(client: TestClient, listing_id: int, user: User | None) -> Any:
    return client.get(f"/api/outputs/{listing_id}/history", headers=auth(user) if user else {})


def test_audit_trail_records_who_changed_what_without_confidential_values(client: TestClient, session: Session) -> None:
    user = _owner(session)
    created = client.post(
        "/api/outputs", headers=auth(user), json={"title": "成果", "confidential_detail": "SECRET-ONE-4242"}
    ).json()
    listing_id = created["id"]
    edit = {"version": 1, "trl": 4, "confidential_detail": "SECRET-TWO-4343"}
    assert client.patch(f"/api/outputs/{listing_id}", headers=auth(user), json=edit).status_code == 200

    response = _history(client, listing_id, user)
    assert response.status_code == 200
    events = response.json()
    assert [e["action"] for e in events] == ["create", "update"]
    assert all(e["actor_id"] == user.id and e["at"] for e in events)
    assert events[1]["changes"]["trl"] == [None, 4]
    assert "confidential_detail" in events[1]["changes"]
    assert "SECRET" not in response.text

    reviewer_view = _history(client, listing_id, _reviewer(session))
    # A draft is not shown to reviewers; submit it so they can read it.
    assert reviewer_view.status_code == 404
    session.get_one(type(make_output(session, user)), listing_id).status = "pending_review"
    session.flush()
    reviewer_view = _history(client, listing_id, _reviewer(session))
    assert reviewer_view.status_code == 200 and "SECRET" not in reviewer_view.text

    outsider = _owner(session)
    assert _history(client, listing_id, outsider).status_code in (403, 404)
    assert _history(client, listing_id, None).status_code == 401


def test_published_history_is_not_for_other_organisations(client: TestClient, session: Session) -> None:
    user = _owner(session)
    output = make_output(session, user)
    assert client.get(f"/api/outputs/{output.id}", headers=auth(_owner(session))).status_code == 200
    assert _history(client, output.id, _owner(session)).status_code == 403
    assert _history(client, output.id, user).status_code == 200
