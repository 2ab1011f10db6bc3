"""Staged confidentiality: teaser for all, the confidential detail only after the organisation accepts the NDA."""

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.listings.nda import CURRENT_NDA_VERSION, NdaAcceptance
from tests.factories import auth, make_user

SECRET = "SECRET-PROCESS-PARAMETERS"


def test_the_detail_shows_only_after_the_nda_is_accepted(client: TestClient, session: Session, world) -> None:
    url = f"/api/outputs/{world.output.id}"
    assert client.get(url, headers=auth(world.buyer)).json()["confidential_detail"] is None
    nda = client.get(f"{url}/nda", headers=auth(world.buyer)).json()
    assert nda["version"] == CURRENT_NDA_VERSION and nda["accepted"] is False
    assert "保密" in nda["text_zh"] and "confidential" in nda["text_en"]

    r = client.post(f"{url}/nda/accept", headers=auth(world.buyer), json={"version": CURRENT_NDA_VERSION})
    assert r.status_code == 200, r.text
    assert r.json()["accepted"] is True and r.json()["accepted_at"]
    row = session.scalars(select(NdaAcceptance)).one()
    assert (row.user_id, row.organisation_id, row.version) == (world.buyer.id, world.enterprise.id, CURRENT_NDA_VERSION)

    assert client.get(url, headers=auth(world.buyer)).json()["confidential_detail"] == SECRET
    # The acceptance is the organisation's: a colleague sees the detail too, another organisation does not.
    colleague = make_user(session, world.enterprise)
    assert client.get(url, headers=auth(colleague)).json()["confidential_detail"] == SECRET
    assert client.get(url, headers=auth(world.outsider)).json()["confidential_detail"] is None
    assert client.get(url).json()["confidential_detail"] is None
    # Lists and search stay teaser-only, even for the organisation that accepted.
    listed = client.get("/api/outputs", headers=auth(world.buyer)).json()["items"]
    assert listed and all("confidential_detail" not in item for item in listed)
    assert SECRET not in client.get("/api/outputs?q=石墨烯", headers=auth(world.buyer)).text


def test_accepting_twice_keeps_the_first_record(client: TestClient, session: Session, world) -> None:
    url = f"/api/outputs/{world.output.id}/nda/accept"
    assert client.post(url, headers=auth(world.buyer), json={"version": CURRENT_NDA_VERSION}).status_code == 200
    assert client.post(url, headers=auth(world.buyer), json={"version": CURRENT_NDA_VERSION}).status_code == 200
    assert len(session.scalars(select(NdaAcceptance)).all()) == 1


def test_a_stale_nda_version_or_an_invisible_output_is_refused(client: TestClient, world) -> None:
    url = f"/api/outputs/{world.output.id}/nda"
    r = client.post(f"{url}/accept", headers=auth(world.buyer), json={"version": "1999-1"})
    assert r.status_code == 409 and r.json()["code"] == "stale_nda_version"
    assert client.get("/api/outputs/999999/nda", headers=auth(world.buyer)).status_code == 404
    assert client.get(url).status_code == 401
    own = client.post(f"{url}/accept", headers=auth(world.seller), json={"version": CURRENT_NDA_VERSION})
    assert own.status_code == 409 and own.json()["code"] == "own_listing"


def test_owner_and_reviewers_see_the_detail_without_an_nda(client: TestClient, world) -> None:
    url = f"/api/outputs/{world.output.id}"
    assert client.get(url, headers=auth(world.seller_member)).json()["confidential_detail"] == SECRET
    assert client.get(url, headers=auth(world.reviewer)).json()["confidential_detail"] == SECRET
