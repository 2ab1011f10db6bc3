"""Settings read from the environment (prefix ``TECHMATCH_``) with embedded defaults.

The defaults describe the embedded run: SQLite in ``var/``, a broker that needs no
server, mail written to a local outbox. Production overrides them through the
environment (see docker-compose.yml); a production run refuses the development secret.
"""

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
    smtp_host: str = ""
    smtp_port: int = 25
    mail_from: str = "techmatch <noreply@techmatch.local>"

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


@lru_cache
def get_settings() -> Settings:
    return Settings()
