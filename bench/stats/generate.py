"""Fill a dedicated PostgreSQL database with a large synthetic market for the statistics benchmark.

Usage: .venv/bin/python -m bench.stats.generate [--db tm_stats_bench] [--scale 1.0]

At scale 1.0: 2,000 organisations, 800,000 research outputs and 200,000 needs (1,000,000 listings),
1,000,000 interests, 1,000,000 deals, their contracts (about 60%), registrations (about 40%) and
50,000 subsidy applications, spread over 2017-2026. Every time is at least a day in the past (as in
a real database, the statistics' incremental refresh then finds nothing new). Rows are made by
INSERT ... SELECT over
generate_series inside PostgreSQL (no row crosses the wire), with setseed() so every run builds the
same data. The database is dropped and rebuilt by the migrations first, so it has exactly the
schema and indexes the application runs with; then the statistics' facts are built from it
(``backend.stats.refresh.rebuild``) and the database is vacuumed and analysed.
"""

from __future__ import annotations

import argparse
import subprocess
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from backend.stats import refresh as facts

ROOT = Path(__file__).resolve().parents[2]
HOST = "postgresql+psycopg://postgres@127.0.0.1:5432"
CITIES = [f"45{n:02d}00" for n in range(1, 15)]
OTHERS = ["440000", "430000", "530000", "110000", "320000", "330000"]


def url(db: str) -> str:
    return f"{HOST}/{db}"


def rebuild(db: str) -> None:
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", db], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", db], check=True)
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.attributes["database_url"] = url(db)
    command.upgrade(cfg, "head")


def statements(scale: float) -> list[tuple[str, str]]:
    n_org = 2000
    outputs, needs = int(800_000 * scale), int(200_000 * scale)
    interests, deals, apps = int(1_000_000 * scale), int(1_000_000 * scale), int(50_000 * scale)
    regions = "ARRAY[" + ",".join(f"'{r}'" for r in CITIES + OTHERS) + "]"
    # Organisation kinds by id: id % 10 in 1..4 university, 5..6 institute, 7..9 enterprise, 0 agency.
    institution = "(10 * ((g % 1200) / 6) + (g % 6) + 1)"
    enterprise = "(10 * (g % 200) + 7 + (g % 3))"
    span = "(random() * (DATE '2026-11-01' - DATE '2017-01-01'))::int"
    return [
        ("seed", "SELECT setseed(0.42)"),
        (
            "organisations",
            f"""INSERT INTO organisations (id, name, kind, region, uscc, status, version, created_at, updated_at)
            SELECT g, 'org ' || g,
                   CASE WHEN g % 10 BETWEEN 1 AND 4 THEN 'university' WHEN g % 10 IN (5, 6) THEN 'research_institute'
                        WHEN g % 10 IN (7, 8, 9) THEN 'enterprise' ELSE 'transfer_agency' END,
                   ({regions})[1 + (g * 7) % 20], 'B' || lpad(g::text, 17, '0'), 'verified', 1, now(), now()
            FROM generate_series(1, {n_org}) g""",
        ),
        (
            "users",
            f"""INSERT INTO users (id, email, password_hash, full_name, organisation_id, role, locale, is_active, created_at)
            SELECT g, 'u' || g || '@bench.local', 'x', 'user ' || g, g,
                   CASE WHEN g = {n_org} THEN 'reviewer' ELSE 'org_admin' END, 'zh-CN', true, now()
            FROM generate_series(1, {n_org}) g""",
        ),
        ("sequences", "SELECT setval('organisations_id_seq', 2000), setval('users_id_seq', 2000)"),
        (
            "research_outputs",
            f"""INSERT INTO research_outputs (id, organisation_id, created_by_id, title, field_code, keywords,
                   screening_questions, region, visibility, status, version, created_at, updated_at, published_at,
                   advantages, ip_records, owners, transfer_modes)
            SELECT g, {institution}, {institution}, 'output ' || g, 'f-' || (g % 40), '[]', '[]',
                   ({regions})[1 + (g % 20)], 'public', 'published', 1, p - interval '10 days', p, p, '[]', '[]', '[]', '[]'
            FROM (SELECT g, TIMESTAMPTZ '2017-01-01 00:00+08' + {span} * interval '1 day'
                         + random() * interval '1 day' AS p
                  FROM generate_series(1, {outputs}) g) s""",
        ),
        (
            "technology_needs",
            f"""INSERT INTO technology_needs (id, organisation_id, created_by_id, title, field_code, keywords,
                   screening_questions, region, visibility, status, version, created_at, updated_at, published_at,
                   budget_negotiable, cooperation_modes)
            SELECT g, {enterprise}, {enterprise}, 'need ' || g, 'f-' || (g % 40), '[]', '[]',
                   ({regions})[1 + (g % 20)], 'public', 'published', 1, p - interval '10 days', p, p, false, '[]'
            FROM (SELECT g, TIMESTAMPTZ '2017-01-01 00:00+08' + {span} * interval '1 day' AS p
                  FROM generate_series(1, {needs}) g) s""",
        ),
        (
            "interests",
            f"""INSERT INTO interests (output_id, sender_org_id, sender_id, recipient_org_id, message, answers, status,
                   created_at)
            SELECT o.id, {enterprise}, {enterprise}, o.organisation_id, 'interested', '[]', 'pending',
                   least(o.published_at + random() * interval '120 days', now() - interval '1 day')
            FROM generate_series(1, {interests}) g JOIN research_outputs o ON o.id = 1 + (g::bigint * 7919) % {outputs}""",
        ),
        (
            "deals",
            f"""INSERT INTO deals (id, output_id, seller_org_id, buyer_org_id, opened_by_id, title, stage, version,
                   created_at, updated_at)
            SELECT g, o.id, o.organisation_id, {enterprise}, {enterprise}, o.title,
                   (ARRAY['interest','interest','introduced','negotiating','contract_signed','registered','registered',
                          'registered','paid','closed_won','closed_won','closed_lost'])[1 + floor(random() * 12)::int],
                   1, c, c
            FROM (SELECT g, o.id AS oid,
                         least(o.published_at + (5 + random() * 200) * interval '1 day', now() - interval '1 day') AS c
                  FROM generate_series(1, {deals}) g JOIN research_outputs o ON o.id = 1 + (g::bigint * 104729) % {outputs}) s
            JOIN research_outputs o ON o.id = s.oid""",
        ),
        (
            "deal_contracts",
            """INSERT INTO deal_contracts (deal_id, contract_type, total, non_technical_costs, technology_amount,
                   signed_on, version, updated_at)
            SELECT id, (ARRAY['development','transfer','licence','consulting','service'])[1 + id % 5],
                   t + k, k, t, s, 1, s
            FROM (SELECT id, stage, round((exp(9 + random() * 6))::numeric, 2) AS t,
                         round((random() * 5000)::numeric, 2) AS k,
                         least((created_at AT TIME ZONE 'Asia/Shanghai')::date + (30 + id % 90), current_date - 1) AS s
                  FROM deals) d
            WHERE stage IN ('contract_signed','registered','paid','closed_won') OR (stage = 'closed_lost' AND id % 2 = 0)""",
        ),
        (
            "deal_registrations",
            """INSERT INTO deal_registrations (deal_id, number, office, registered_on, approved_income, version,
                   updated_at)
            SELECT c.deal_id, 'R' || c.deal_id, 'office', least(c.signed_on + (5 + c.deal_id % 55), current_date - 1),
                   c.technology_amount, 1, c.updated_at
            FROM deal_contracts c JOIN deals d ON d.id = c.deal_id
            WHERE d.stage IN ('registered','paid','closed_won')""",
        ),
        (
            "subsidy_applications",
            f"""INSERT INTO subsidy_applications (deal_id, applicant_org_id, applicant_id, rule_set, rule_set_version,
                   year, declarations, documents, "case", evaluation, eligible, amount, status, required_approvals,
                   version, created_at, decided_at)
            SELECT r.deal_id, d.buyer_org_id, d.buyer_org_id, 'nanning-2020', '1',
                   extract(year FROM r.registered_on)::int, '{{}}', '{{}}', '{{}}', '{{}}', true,
                   round((r.approved_income * 0.3)::numeric, 2),
                   CASE WHEN r.deal_id % 5 < 3 THEN 'approved' ELSE 'rejected' END, 1, 1, now(),
                   r.registered_on + interval '30 days'
            FROM deal_registrations r JOIN deals d ON d.id = r.deal_id
            WHERE r.deal_id % (SELECT greatest(1, count(*) / {apps}) FROM deal_registrations) = 0""",
        ),
        ("sequences", "SELECT setval('research_outputs_id_seq', greatest((SELECT max(id) FROM research_outputs), 1))"),
        ("sequences", "SELECT setval('deals_id_seq', greatest((SELECT max(id) FROM deals), 1))"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="tm_stats_bench")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--facts-only", action="store_true", help="keep the data, migrate and rebuild the facts")
    args = parser.parse_args()
    started = time.perf_counter()
    engine = create_engine(url(args.db))
    if args.facts_only:
        cfg = Config(str(ROOT / "alembic.ini"))
        cfg.attributes["database_url"] = url(args.db)
        command.upgrade(cfg, "head")
    else:
        rebuild(args.db)
        with engine.begin() as conn:
            for name, sql in statements(args.scale):
                t0 = time.perf_counter()
                conn.execute(text(sql))
                print(f"{name:22s} {time.perf_counter() - t0:7.1f} s", flush=True)
    t0 = time.perf_counter()
    with Session(engine) as session:
        facts.rebuild(session)  # what the first indicator request (or stats.rebuild_facts) would do
        session.commit()
    print(f"{'stats facts rebuild':22s} {time.perf_counter() - t0:7.1f} s", flush=True)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        t0 = time.perf_counter()
        conn.execute(text("VACUUM ANALYZE"))
        print(f"{'vacuum analyze':22s} {time.perf_counter() - t0:7.1f} s", flush=True)
        for table in ("research_outputs", "technology_needs", "interests", "deals", "deal_contracts",
                      "deal_registrations", "subsidy_applications", "stats_contract_facts", "stats_deal_facts",
                      "stats_listing_facts"):  # fmt: skip
            print(f"{table:22s} {conn.execute(text(f'SELECT count(*) FROM {table}')).scalar_one():>10,d} rows")
    print(f"built in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
