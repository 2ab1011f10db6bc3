"""Settings read from the environment (prefix ``TECHMATCH_``) with embedded defaults.

The defaults describe the embedded run: SQLite in ``var/``, a broker that needs no
server, mail written to a local outbox. Production overrides them through the
environment (see docker-compose.yml); a production run refuses the development secret.
"""

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TECHMATCH_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    var_dir: Path = PROJECT_ROOT / "var"
    database_url: str = ""
    broker_url: str = ""
    result_backend: str = ""
    secret_key: str = DEV_SECRET
    access_token_minutes: int = 15
    refresh_token_days: int = 14
    login_max_failures: int = 5
    login_lockout_minutes: int = 15
    max_body_bytes: int = 10 * 1024 * 1024
    max_page_size: int = 100
    cors_origins: list[str] = []
    frontend_dist: Path = PROJECT_ROOT / "frontend" / "dist"
    # Subsidy applications above this amount need a second reviewer's approval.
    second_review_above: Decimal = Decimal("500000.00")
    smtp_host: str = ""
    smtp_port: int = 25
    mail_from: str = "techmatch <noreply@techmatch.local>"
    # Workers and notifications (docs/workers.md explains the reliability design).
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = 30.0
    public_base_url: str = "http://127.0.0.1:8000"
    broker_visibility_timeout: int = 3600
    task_queue: str = "techmatch"
    task_max_retries: int = 6
    task_retry_backoff: int = 2
    task_retry_backoff_max: int = 600
    task_soft_time_limit: int = 300
    task_time_limit: int = 360
    outbox_poll_seconds: float = 1.0
    outbox_batch_size: int = 200
    outbox_sweep_seconds: float = 60.0
    delivery_lease_seconds: int = 120
    delivery_stale_seconds: int = 300
    embedded_beat: bool | None = None
    digest_hour_local: int = 8
    webhook_timeout_seconds: float = 10.0
    webhook_allow_private: bool = False
    # Statistics (docs/stats.md): beat refreshes the pre-computed facts and their monthly roll-up
    # incrementally this often (below stats' refresh_seconds, 30), so indicator requests seldom find
    # them stale and wait for a refresh (0: not scheduled; requests still refresh stale facts). The full rebuild,
    # which also sees an organisation's new region or a listing's new field, runs nightly at this
    # local hour (-1: never).
    stats_refresh_facts_seconds: float = 20.0
    stats_rebuild_facts_hour_local: int = 4

    @model_validator(mode="after")
    def _fill_embedded_defaults(self) -> "Settings":
        if not self.database_url:
            self.database_url = f"sqlite:///{self.var_dir / 'techmatch.db'}"
        if not self.broker_url:
            self.broker_url = f"sqla+sqlite:///{self.var_dir / 'broker.db'}"
        if not self.result_backend:
            self.result_backend = f"db+sqlite:///{self.var_dir / 'results.db'}"
        if self.environment == "production" and self.secret_key == DEV_SECRET:
            raise ValueError("TECHMATCH_SECRET_KEY must be set to a private value in production")
        if len(self.secret_key) < 32:
            raise ValueError("TECHMATCH_SECRET_KEY must be at least 32 characters")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def mail_dir(self) -> Path:
        """The local outbox: e-mail is written here as .eml files when no SMTP host is set."""
        return self.var_dir / "mail"

    @property
    def broker_is_embedded(self) -> bool:
        return self.broker_url.startswith(("sqla+", "filesystem"))


@lru_cache
def get_settings() -> Settings:
    return Settings()
