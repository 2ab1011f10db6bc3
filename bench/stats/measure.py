"""Latency of every indicator endpoint on the benchmark database (build it with bench.stats.generate).

Usage: .venv/bin/python -m bench.stats.measure [--db tm_stats_bench] [--runs 20] [--write-docs]

Requests go through the whole application in process (routing, authentication, validation, SQL,
serialisation) with FastAPI's TestClient, signed in as the database's reviewer. Each case is
warmed up twice, then timed ``--runs`` times; p50 and p95 are in milliseconds. With --write-docs
the table replaces the section between the bench markers in docs/stats.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
YEAR = {"date_from": "2025-01-01", "date_to": "2025-12-31"}
TEN = {"date_from": "2017-01-01", "date_to": "2026-12-31"}
EDGES = {"date_from": "2023-03-15", "date_to": "2026-06-10"}  # partial months at both ends
CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("contracts, one year", "/api/stats/contracts", YEAR),
    ("contracts, one year, city 450100", "/api/stats/contracts", {**YEAR, "city": "450100"}),
    ("contracts, one year, Guangxi (province)", "/api/stats/contracts", {**YEAR, "city": "450000"}),
    ("contracts, one year, field", "/api/stats/contracts", {**YEAR, "field": "f-7"}),
    ("contracts, one year, organisation", "/api/stats/contracts", {**YEAR, "organisation_id": 11}),
    ("contracts, one year, type + threshold", "/api/stats/contracts",
     {**YEAR, "contract_type": "transfer", "transformation_threshold": "250000"}),
    ("contracts, one quarter", "/api/stats/contracts", {"date_from": "2025-04-01", "date_to": "2025-06-30"}),
    ("contracts, ten years (2017-2026)", "/api/stats/contracts", TEN),
    ("contracts, ten years, city 450100", "/api/stats/contracts", {**TEN, "city": "450100"}),
    ("contracts, ten years, Guangxi (province)", "/api/stats/contracts", {**TEN, "city": "450000"}),
    ("contracts, ten years, field", "/api/stats/contracts", {**TEN, "field": "f-7"}),
    ("contracts, ten years, type", "/api/stats/contracts", {**TEN, "contract_type": "transfer"}),
    ("contracts, ten years, city + field + type", "/api/stats/contracts",
     {**TEN, "city": "450100", "field": "f-7", "contract_type": "transfer"}),
    ("contracts, ten years, organisation", "/api/stats/contracts", {**TEN, "organisation_id": 11}),
    ("contracts, ten years, other threshold", "/api/stats/contracts", {**TEN, "transformation_threshold": "250000"}),
    ("contracts, ten years, far thresholds", "/api/stats/contracts",
     {**TEN, "transformation_threshold": "10000", "major_threshold": "5000000"}),
    ("contracts, ten years, thresholds between rungs", "/api/stats/contracts",
     {**TEN, "transformation_threshold": "316000", "major_threshold": "3160000"}),
    ("contracts, 2023-03-15 to 2026-06-10", "/api/stats/contracts", EDGES),
    ("pipeline, one year", "/api/stats/pipeline", YEAR),
    ("pipeline, one year, city", "/api/stats/pipeline", {**YEAR, "city": "450100"}),
    ("pipeline, ten years", "/api/stats/pipeline", TEN),
    ("pipeline, ten years, city", "/api/stats/pipeline", {**TEN, "city": "450100"}),
    ("pipeline, ten years, city + field", "/api/stats/pipeline", {**TEN, "city": "450100", "field": "f-7"}),
    ("pipeline, 2023-03-15 to 2026-06-10", "/api/stats/pipeline", EDGES),
    ("durations, one year", "/api/stats/durations", YEAR),
    ("durations, ten years", "/api/stats/durations", TEN),
    ("durations, ten years, city", "/api/stats/durations", {**TEN, "city": "450100"}),
    ("subsidies, one year", "/api/stats/subsidies", YEAR),
    ("subsidies, ten years", "/api/stats/subsidies", TEN),
    ("institutions, one year", "/api/stats/institutions", YEAR),
    ("institutions, ten years", "/api/stats/institutions", TEN),
    ("institutions, ten years, city", "/api/stats/institutions", {**TEN, "city": "450100"}),
    ("headline (public), one year", "/api/stats/headline", {"year": 2025}),
    ("targets with completion, 14 cities", "/api/stats/targets", {"year": 2025}),
]  # fmt: skip
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="tm_stats_bench")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--only", default="", help="time only the cases whose label contains this")
    args = parser.parse_args()
    os.environ["TECHMATCH_DATABASE_URL"] = f"postgresql+psycopg://postgres@127.0.0.1:5432/{args.db}"

    from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from backend.accounts.models import User
    from backend.app import create_app
    from backend.core.db import get_sessionmaker
    from backend.core.security import create_access_token
    from backend.deals.models import Deal
    from backend.stats import refresh

    with get_sessionmaker()() as session:
        refresh.refresh(session)  # as the worker would; the timed requests then find the facts current
        session.commit()
        reviewer = session.scalars(select(User).where(User.role == "reviewer")).first()
        assert reviewer is not None, "no reviewer: build the database with bench.stats.generate"
        deals = session.scalar(select(func.count()).select_from(Deal))
    token, _ = create_access_token(user_id=reviewer.id, role=reviewer.role, org_id=reviewer.organisation_id)
    headers = {"Authorization": f"Bearer {token}"}
    client = TestClient(create_app())
    targets = [{"city": f"45{n:02d}00", "target": 2000} for n in range(1, 15)]
    assert client.put("/api/stats/targets", json={"year": 2025, "items": targets}, headers=headers).status_code == 200

    load_before = os.getloadavg()[0]
    lines = ["| case | p50 ms | p95 ms |", "|---|---:|---:|"]
    for label, path, params in (case for case in CASES if args.only in case[0]):
        for _ in range(2):
            assert client.get(path, params=params, headers=headers).status_code == 200
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            response = client.get(path, params=params, headers=headers)
            times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.text
        times.sort()
        p50 = statistics.median(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        lines.append(f"| {label} | {p50:.0f} | {p95:.0f} |")
        print(lines[-1], flush=True)
    header = (
        f"{deals:,d} deals on PostgreSQL, {os.cpu_count()} CPU cores ({platform.machine()}), "
        f"{args.runs} timed runs per case after 2 warm-ups, {time.strftime('%Y-%m-%d')}, "
        f"load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after (other work shared the machine).\n\n"
        f"Command: `.venv/bin/python -m bench.stats.generate --db {args.db}` then "
        f"`.venv/bin/python -m bench.stats.measure --db {args.db} --runs {args.runs} --write-docs`\n\n"
    )
    table = header + "\n".join(lines) + "\n"
    if args.write_docs:
        docs = ROOT / "docs" / "stats.md"
        text = docs.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
        docs.write_text(pattern.sub(lambda _: f"{START}\n{table}{END}", text), encoding="utf-8")


if __name__ == "__main__":
    main()
