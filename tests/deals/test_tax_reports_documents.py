"""Tax estimate, post-transfer sales reports, and document uploads (size, format, checksum)."""

import hashlib
import io
import zipfile
from decimal import Decimal

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.deals import documents
from tests.factories import auth, make_contract, make_deal, make_registration


def _registered(session: Session, world, *, kind: str = "transfer", income: str = "8000000.00"):  # type: ignore[no-untyped-def]
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="registered", agent=world.agent)
    make_contract(session, deal, total="8480000.00", costs="0.00", contract_type=kind)
    make_registration(session, deal, approved_income=income)
    return deal


class TestTaxEstimate:
    def test_transfer_over_the_annual_exemption(self, client: TestClient, session: Session, world) -> None:
        deal = _registered(session, world)
        body = client.get(f"/api/deals/{deal.id}/tax-estimate", headers=auth(world.seller)).json()
        assert body["estimate"] is True and "估算" in body["disclaimer_zh"] and "estimate" in body["disclaimer_en"]
        assert body["vat_exempt"] is True and body["vat_amount"] == "480000.00"  # 8,480,000 x 6/106
        assert body["income_tax_qualifies"] is True
        assert body["exempt_income"] == "5000000.00" and body["taxable_at_half_rate"] == "3000000.00"
        assert body["income_tax"] == "375000.00"  # 3,000,000 x 12.5%
        assert body["income_tax_without_benefit"] == "2000000.00" and body["income_tax_saving"] == "1625000.00"

    def test_other_income_this_year_uses_the_allowance_first(self, client: TestClient, session, world) -> None:
        deal = _registered(session, world, income="1000000.00")
        url = f"/api/deals/{deal.id}/tax-estimate?other_income_this_year=4500000"
        body = client.get(url, headers=auth(world.seller)).json()
        assert body["exempt_income"] == "500000.00" and body["taxable_at_half_rate"] == "500000.00"
        assert body["income_tax"] == "62500.00"
        body = client.get(f"{url}0", headers=auth(world.seller)).json()  # 45,000,000: allowance used up
        assert body["exempt_income"] == "0.00" and body["income_tax"] == "125000.00"

    def test_benefits_by_contract_type(self, client: TestClient, session, world) -> None:
        cases = [
            ("transfer", True, True),
            ("development", True, False),
            ("licence", False, True),
            ("consulting", False, False),
            ("service", False, False),
        ]
        for kind, vat_exempt, qualifies in cases:
            deal = _registered(session, world, kind=kind, income="100.01")
            body = client.get(f"/api/deals/{deal.id}/tax-estimate", headers=auth(world.buyer)).json()
            assert (body["vat_exempt"], body["income_tax_qualifies"]) == (vat_exempt, qualifies), kind
            # 100.01 at 25% = 25.0025 -> 25.00; exempt when it qualifies (under 5,000,000).
            assert body["income_tax"] == ("0.00" if qualifies else "25.00")

    def test_only_on_a_registered_contract(self, client: TestClient, session: Session, world) -> None:
        deal = make_deal(session, world.output, world.enterprise, world.seller, stage="contract_signed")
        make_contract(session, deal)
        r = client.get(f"/api/deals/{deal.id}/tax-estimate", headers=auth(world.seller))
        assert r.status_code == 409 and r.json()["code"] == "not_registered"
        assert client.get(f"/api/deals/{deal.id}/tax-estimate", headers=auth(world.outsider)).status_code == 404


def test_sales_reports_by_the_buyer_one_per_year(client: TestClient, session: Session, world) -> None:
    deal = _registered(session, world)
    url = f"/api/deals/{deal.id}/sales-reports"
    r = client.post(url, headers=auth(world.buyer), json={"year": 2026, "new_sales_revenue": "1200000.00"})
    assert r.status_code == 201, r.text
    again = client.post(url, headers=auth(world.buyer), json={"year": 2026, "new_sales_revenue": "1300000.00"})
    assert again.status_code == 200 and again.json()["id"] == r.json()["id"]
    client.post(url, headers=auth(world.buyer), json={"year": 2027, "new_sales_revenue": "0"})
    rows = client.get(url, headers=auth(world.reviewer)).json()
    assert [(x["year"], x["new_sales_revenue"]) for x in rows] == [(2026, "1300000.00"), (2027, "0.00")]
    history = client.get(f"/api/deals/{deal.id}/history", headers=auth(world.buyer)).json()
    replaced = [h for h in history if h["action"] == "sales_report" and h["changes"]["year"] == 2026]
    assert replaced[-1]["changes"]["new_sales_revenue"] == ["1200000.00", "1300000.00"]
    for user in (world.seller, world.agent, world.reviewer):
        assert client.post(url, headers=auth(user), json={"year": 2026, "new_sales_revenue": "1"}).status_code == 403
    assert client.post(url, headers=auth(world.buyer), json={"year": 1999, "new_sales_revenue": "1"}).status_code == 422
    early = make_deal(session, world.output, world.enterprise, world.seller, stage="negotiating")
    r = client.post(
        f"/api/deals/{early.id}/sales-reports", headers=auth(world.buyer), json={"year": 2026, "new_sales_revenue": "1"}
    )
    assert r.status_code == 409


PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _office(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<x/>")
    return buffer.getvalue()


def _upload(client: TestClient, user, deal_id: int, name: str, data: bytes, doc_type: str = "contract"):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/deals/{deal_id}/documents",
        headers=auth(user),
        data={"doc_type": doc_type},
        files={"file": (name, data, "application/octet-stream")},
    )


ALLOWED = [
    ("合同.pdf", PDF),
    ("scan.PNG", PNG),
    ("photo.jpg", JPG),
    ("terms.docx", _office("word/document.xml")),
    ("budget.xlsx", _office("xl/workbook.xml")),
]
REFUSED = [
    ("virus.exe", b"MZ\x90\x00", "format_not_allowed"),
    ("noext", PDF, "format_not_allowed"),
    ("fake.pdf", b"MZ\x90\x00 not a pdf", "content_mismatch"),
    ("fake.png", JPG, "content_mismatch"),
    ("wrong.docx", _office("xl/workbook.xml"), "content_mismatch"),
    ("broken.xlsx", b"PK\x03\x04garbage", "content_mismatch"),
    ("empty.pdf", b"", "empty_file"),
]


class TestDocuments:
    def test_allowed_formats_are_stored_with_their_checksum(self, client, session, world) -> None:
        deal = make_deal(session, world.output, world.enterprise, world.seller, agent=world.agent)
        ids = []
        for name, data in ALLOWED:
            r = _upload(client, world.agent, deal.id, name, data)
            assert r.status_code == 201, (name, r.text)
            body = r.json()
            assert body["sha256"] == hashlib.sha256(data).hexdigest() and body["size"] == len(data)
            assert body["filename"] == name and body["doc_type"] == "contract"
            got = client.get(f"/api/deals/{deal.id}/documents/{body['id']}", headers=auth(world.buyer))
            assert got.status_code == 200 and got.content == data
            assert got.headers["etag"] == f'"{body["sha256"]}"'
            ids.append(body["id"])
        listed = client.get(f"/api/deals/{deal.id}/documents", headers=auth(world.reviewer)).json()
        assert [d["id"] for d in listed] == ids

    def test_refused_files(self, client, session, world) -> None:
        deal = make_deal(session, world.output, world.enterprise, world.seller)
        for name, data, code in REFUSED:
            r = _upload(client, world.seller, deal.id, name, data)
            assert r.status_code == 422 and r.json()["code"] == code, name

    def test_size_limit(self, client: TestClient, session: Session, world, monkeypatch) -> None:
        deal = make_deal(session, world.output, world.enterprise, world.seller)
        monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 1024)
        assert _upload(client, world.seller, deal.id, "ok.pdf", PDF + b"x" * (1024 - len(PDF))).status_code == 201
        r = _upload(client, world.seller, deal.id, "big.pdf", PDF + b"x" * (1025 - len(PDF)))
        assert r.status_code == 413 and r.json()["code"] == "file_too_large"

    def test_permissions_and_tampering(self, client: TestClient, session: Session, world) -> None:
        deal = make_deal(session, world.output, world.enterprise, world.seller)
        assert _upload(client, world.reviewer, deal.id, "a.pdf", PDF).status_code == 403
        assert _upload(client, world.outsider, deal.id, "a.pdf", PDF).status_code == 404
        assert _upload(client, world.seller, deal.id, "a.pdf", PDF, doc_type="poem").status_code == 422
        doc = _upload(client, world.seller, deal.id, "../../etc/a.pdf", PDF).json()
        assert doc["filename"] == "a.pdf"
        url = f"/api/deals/{deal.id}/documents/{doc['id']}"
        assert client.get(url, headers=auth(world.outsider)).status_code == 404
        other = make_deal(session, world.output, world.enterprise, world.seller)
        assert client.get(f"/api/deals/{other.id}/documents/{doc['id']}", headers=auth(world.seller)).status_code == 404
        # A stored file changed behind our back is not served.
        from backend.deals.storage import get_storage

        storage = get_storage()
        storage.put(f"deals/{deal.id}/{doc['sha256']}", PDF + b"tampered")
        r = client.get(url, headers=auth(world.seller))
        assert r.status_code == 409 and r.json()["code"] == "checksum_mismatch"


def test_tax_amounts_are_decimal_strings(client: TestClient, session: Session, world) -> None:
    deal = _registered(session, world, income="0.01")
    body = client.get(f"/api/deals/{deal.id}/tax-estimate", headers=auth(world.seller)).json()
    assert Decimal(body["approved_income"]) == Decimal("0.01") and isinstance(body["income_tax"], str)
