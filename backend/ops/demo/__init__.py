"""Demo data: a realistic Guangxi market loaded by ``techmatch seed-demo`` and ``make run``."""

from backend.ops.demo.catalog import DEMO_PASSWORD
from backend.ops.demo.seed import SeedReport, demo_present, seed_demo

__all__ = ["DEMO_PASSWORD", "SeedReport", "demo_present", "seed_demo"]
