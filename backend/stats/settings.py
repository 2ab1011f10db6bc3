"""Statistics settings: the thresholds that make a contract a transformation or a major project.

Both can also be given per request; these are the defaults. The transformation threshold is the
seed's (POLICY.md section 7: a technology transaction amount of 100,000 yuan or more). What makes a
project "major" was not found in the sources, so the major threshold is our choice: 1,000,000 yuan,
ten times the transformation threshold, which in the seed's proportions (23 major of 320) keeps
"major" for the top few percent of projects. The department can change it without a release.
"""

from decimal import Decimal
from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class StatsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TECHMATCH_STATS_", env_file=".env", extra="ignore")

    transformation_threshold: Decimal = Decimal("100000.00")
    major_threshold: Decimal = Decimal("1000000.00")
    # The indicators read pre-computed facts; a request finding them older than this refreshes them
    # first (the changed rows only), so figures lag the records by at most this many seconds.
    refresh_seconds: float = 30.0
    # Whole months of a period are read from the monthly roll-up (``rollup``); off, every indicator
    # reads the facts (the same figures, slower over multi-year periods).
    rollup: bool = True


@lru_cache
def get_stats_settings() -> StatsSettings:
    return StatsSettings()
