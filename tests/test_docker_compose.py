"""docker-compose.yml must parse and speak the same settings names and entry points as the code."""

import importlib
from pathlib import Path
from typing import Any

import yaml

from backend.core.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def test_compose_has_the_production_services() -> None:
    services = _compose()["services"]
    assert {"postgres", "redis", "migrate", "api", "worker", "beat", "mail"} <= set(services)
    assert services["api"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_every_setting_in_compose_exists_in_the_code() -> None:
    fields = set(Settings.model_fields)
    for name, service in _compose()["services"].items():
        for key in service.get("environment", {}):
            if key.startswith("TECHMATCH_"):
                assert key.removeprefix("TECHMATCH_").lower() in fields, f"{name}: {key} is not a setting"


def test_compose_settings_build_a_production_configuration() -> None:
    env = dict(_compose()["services"]["api"]["environment"])
    env["TECHMATCH_SECRET_KEY"] = "x" * 40  # compose takes it from the operator's environment
    settings = Settings(**{k.removeprefix("TECHMATCH_").lower(): v for k, v in env.items()})
    assert settings.environment == "production"
    assert settings.database_url.startswith("postgresql+psycopg://")
    assert settings.broker_url.startswith("redis://")


def test_entry_points_named_in_compose_exist() -> None:
    services = _compose()["services"]
    assert "backend.app:create_app" in services["api"]["command"]
    module, _, factory = "backend.app:create_app".partition(":")
    assert callable(getattr(importlib.import_module(module), factory))
    assert services["worker"]["command"][:3] == ["celery", "-A", "workers.app"]
    assert services["migrate"]["command"] == ["techmatch", "migrate"]


def test_production_refuses_the_development_secret() -> None:
    import pytest

    with pytest.raises(ValueError, match="SECRET_KEY"):
        Settings(environment="production")
