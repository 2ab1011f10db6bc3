"""Bulk import: CSV and JSONL, row errors with line numbers, all-or-nothing, skip_invalid."""

import json
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import Role
from backend.accounts.models import User
from backend.core.audit import AuditEvent
from backend.listings.import_source import ImportFileError, RowsSource
from backend.listings.importer import import_listings
from backend.listings.models import ResearchOutput, TechnologyNeed
from tests.factories import make_org, make_user

OUTPUTS_CSV = (
    "title,summary,field_code,region,trl,keywords,transfer_modes,price_type,asking_price,owners,ip_records\n"
    "石墨烯散热膜,高导热薄膜,i-graphene-new-materials,450100,6,石墨烯;散热|导热膜,"
    "assignment|exclusive_licence,fixed,500000.00,广西大学:70;某公司:30,invention_patent:ZL202110000001.2\n"
    '"Cane harvester","Multi-line\nsummary",i-machinery,451300,7,harvester,co_development,negotiable,,,\n'
)


@pytest.fixture
def admin(session: Session) -> User:
    return make_user(session, make_org(session), role=Role.org_admin)


def _source(text: str, name: str, *, bom: bool = False) -> RowsSource:
    data = text.encode("utf-8")
    return RowsSource.from_bytes(b"\xef\xbb\xbf" + data if bom else data, name=name)


def _outputs(session: Session, admin: User) -> list[ResearchOutput]:
    stmt = select(ResearchOutput).where(ResearchOutput.organisation_id == admin.organisation_id)
    return list(session.scalars(stmt.order_by(ResearchOutput.id)))


def test_csv_with_bom_and_list_separators_imports_drafts(session: Session, admin: User) -> None:
    report = import_listings(
        session, kind="outputs", actor=admin, rows_source=_source(OUTPUTS_CSV, "o.csv", bom=True), skip_invalid=False
    )
    assert (report.rows, report.imported, report.error_count) == (2, 2, 0)
    first, second = _outputs(session, admin)
    assert [first.id, second.id] == report.created_ids
    assert first.status == "draft" and first.created_by_id == admin.id
    assert first.keywords == ["石墨烯", "散热", "导热膜"]
    assert first.transfer_modes == ["assignment", "exclusive_licence"]
    assert first.asking_price == Decimal("500000.00")
    assert [o["share"] for o in first.owners] == ["70", "30"]
    assert first.ip_records[0]["number"] == "ZL202110000001.2"
    assert second.summary == "Multi-line\nsummary"
    assert second.asking_price is None
    audited = session.scalars(select(AuditEvent.entity_id).where(AuditEvent.entity_type == "output"))
    assert set(report.created_ids) <= set(audited)


def test_jsonl_imports_needs(session: Session, admin: User) -> None:
    lines = [
        {"title": "需求一", "description": "desc", "budget_min": "100000.50", "cooperation_modes": ["assignment"]},
        {"title": "Need two", "target_trl": 6, "budget_negotiable": True, "deadline": "2030-01-31"},
    ]
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n\n"
    report = import_listings(
        session, kind="needs", actor=admin, rows_source=_source(text, "n.jsonl", bom=True), skip_invalid=False
    )
    assert report.imported == 2 and report.format == "jsonl"
    needs = list(session.scalars(select(TechnologyNeed).where(TechnologyNeed.id.in_(report.created_ids))))
    assert {n.budget_min for n in needs} == {Decimal("100000.50"), None}
    assert all(n.organisation_id == admin.organisation_id for n in needs)


def test_errors_name_lines_and_fields_and_nothing_is_stored(session: Session, admin: User) -> None:
    text = (
        "title,trl,owners,region\n"
        "Good one,5,,450100\n"
        ",12,,450100\n"  # line 3: no title, TRL out of range
        "\n"
        "Shares off,3,A:60;B:30,450100\n"  # line 5: shares add up to 90
        "Bad region,x,,999999\n"  # line 6: not a number, unknown region
    )
    report = import_listings(
        session, kind="outputs", actor=admin, rows_source=_source(text, "x.csv"), skip_invalid=False
    )
    assert report.imported == 0 and report.created_ids == []
    assert report.valid == 1 and report.skipped == 0
    found = {(e.line, e.field) for e in report.errors}
    assert {(3, "title"), (3, "trl"), (6, "trl"), (6, "region")} <= found
    assert any(e.line == 5 and "add up to 100" in e.message for e in report.errors)
    assert _outputs(session, admin) == []


def test_skip_invalid_keeps_the_good_rows(session: Session, admin: User) -> None:
    text = '{"title": "ok"}\n{"title": "bad", "trl": "high"}\nnot json\n{"title": "also ok", "colour": "red"}\n'
    report = import_listings(
        session, kind="outputs", actor=admin, rows_source=_source(text, "x.jsonl"), skip_invalid=True
    )
    assert (report.imported, report.skipped) == (1, 3)
    assert [(e.line, e.field) for e in report.errors] == [(2, "trl"), (3, None), (4, "colour")]
    assert [o.title for o in _outputs(session, admin)] == ["ok"]


def test_progress_is_reported_per_row(session: Session, admin: User) -> None:
    calls: list[tuple[str, int, int]] = []
    import_listings(
        session,
        kind="outputs",
        actor=admin,
        rows_source=_source(OUTPUTS_CSV, "o.csv"),
        skip_invalid=False,
        progress=lambda phase, done, total: calls.append((phase, done, total)),
    )
    assert calls == [("validate", 1, 2), ("validate", 2, 2), ("import", 1, 2), ("import", 2, 2)]


@pytest.mark.parametrize(
    ("data", "name", "problem"),
    [
        (b"\xff\xfe t\x00i\x00", "gbk.csv", "UTF-8"),
        (b"title,title\nA,B\n", "dup.csv", "twice"),
        (b"title\n", "empty.csv", "no data rows"),
        (b"", "nothing.csv", "empty"),
        ("标题\n".encode("gb18030"), "gbk.csv", "UTF-8"),
    ],
)
def test_bad_files_are_refused_whole(data: bytes, name: str, problem: str) -> None:
    with pytest.raises(ImportFileError) as raised:
        RowsSource.from_bytes(data, name=name)
    assert problem in raised.value.message


def test_unknown_csv_columns_refuse_the_file(session: Session, admin: User) -> None:
    source = _source("title,colour\nA,red\n", "x.csv")
    with pytest.raises(ImportFileError) as raised:
        import_listings(session, kind="outputs", actor=admin, rows_source=source, skip_invalid=True)
    assert "unknown columns colour" in raised.value.message
    assert _outputs(session, admin) == []
