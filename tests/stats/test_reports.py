"""Reports download as XLSX and CSV and parse back to the known figures."""

import csv
import io
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from tests.factories import auth, make_payment
from tests.stats.conftest import Market

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(content: bytes, title: str) -> list[dict[str, Any]]:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    rows = list(workbook[title].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def _csv(content: bytes) -> list[dict[str, str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_institution_report_xlsx(client: TestClient, session: Session, market: Market) -> None:
    market.uni_a.team_share_percent = Decimal("70.00")
    make_payment(session, market.deals["c2"], market.seller_a, amount="40000.00")
    session.flush()
    response = client.get(
        f"/api/stats/reports/institutions/{market.uni_a.id}", params={"year": 2025}, headers=auth(market.seller_a)
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    assert f"transformation-report-{market.uni_a.id}-2025.xlsx" in response.headers["content-disposition"]
    contracts = _sheet(response.content, "Contracts")
    assert [r["deal_id"] for r in contracts] == [market.deals[k].id for k in ("c1", "c3", "c2")]
    c1, c3, c2 = contracts
    # c1: unregistered transfer, income = technology amount, 70% to the team.
    assert (c1["income"], c1["team_share_percent"], c1["team_share"], c1["registered_on"]) == (100000, 70, 70000, None)
    # c3: a development contract carries no team share; c2: licence, registered income 99,999.99.
    assert (c3["team_share"], c3["total"], c3["technology_amount"]) == (0, 1050000, 1000000)
    assert c2["team_share"] == 69999.99 and c2["paid"] == 40000 and c2["registration_number"]
    assert c2["counted_on"].date().isoformat() == "2025-12-31"
    by_result = _sheet(response.content, "By result")
    assert by_result[-1] == {"result": "Total", "contracts": 3, "income": 1199999.99, "team_share": 139999.99}


def test_institution_report_csv_and_default_share(client: TestClient, market: Market) -> None:
    response = client.get(
        f"/api/stats/reports/institutions/{market.uni_a.id}",
        params={"year": 2025, "format": "csv"},
        headers=auth(market.reviewer),
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = _csv(response.content)
    assert [r["contract_type"] for r in rows] == ["transfer", "development", "licence"]
    # No share set: the law's 50%.
    assert [(r["team_share_percent"], r["team_share"]) for r in rows] == [
        ("50.00", "50000.00"),
        ("", "0.00"),
        ("50.00", "50000.00"),
    ]
    assert rows[2]["approved_income"] == "99999.99" and rows[2]["registered_on"] == "2025-12-31"


def test_institution_report_permissions(client: TestClient, market: Market) -> None:
    path = f"/api/stats/reports/institutions/{market.inst_b.id}"
    assert client.get(path, headers=auth(market.seller_a)).status_code == 403
    assert client.get(path, headers=auth(market.buyer)).status_code == 403
    assert client.get(path).status_code == 401
    assert client.get(path, headers=auth(market.seller_b)).status_code == 200
    assert client.get("/api/stats/reports/institutions/987654", headers=auth(market.admin)).status_code == 404


def test_department_summary(client: TestClient, market: Market) -> None:
    target = {"year": 2025, "items": [{"city": "450100", "target": 2}]}
    client.put("/api/stats/targets", json=target, headers=auth(market.reviewer))
    response = client.get("/api/stats/reports/summary", params={"year": 2025}, headers=auth(market.reviewer))
    assert response.status_code == 200, response.text
    summary = _sheet(response.content, "Summary")
    total = summary[0]
    assert (total["section"], total["contracts"], total["technology_amount"]) == ("total", 4, 1399999.99)
    nanning = next(r for r in summary if r["section"] == "city" and r["key"] == "450100")
    assert (nanning["name"], nanning["transformation_projects"], nanning["completion_percent"]) == ("南宁", 2, "100.0")
    institutions = _sheet(response.content, "Institutions")
    assert institutions[0]["name"] == "广西大学" and institutions[0]["contracts"] == 3
    assert len(_sheet(response.content, "Contracts")) == 4
    csv_rows = _csv(
        client.get(
            "/api/stats/reports/summary", params={"year": 2025, "format": "csv"}, headers=auth(market.admin)
        ).content
    )
    assert csv_rows[0]["technology_amount"] == "1399999.99"
    assert {(r["section"], r["key"]) for r in csv_rows} >= {("type", "licence"), ("month", "2025-12")}
    assert client.get("/api/stats/reports/summary", headers=auth(market.seller_a)).status_code == 403


def test_contracts_export_streams_any_range(client: TestClient, market: Market) -> None:
    params = {"date_from": "2024-01-01", "date_to": "2026-12-31"}
    response = client.get("/api/stats/reports/contracts", params=params, headers=auth(market.reviewer))
    rows = _csv(response.content)
    assert len(rows) == 6  # c1, c2, c3, c4, c5, c7; never the lost c6 or the unsigned c8
    assert sum(Decimal(r["technology_amount"]) for r in rows) == Decimal("1700000.49")
    own = _csv(client.get("/api/stats/reports/contracts", params=params, headers=auth(market.seller_b)).content)
    assert {r["seller"] for r in own} == {"柳州研究院"}
