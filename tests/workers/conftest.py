"""Markers of the worker tests: the slow ones still run by default (deselect with -m 'not slow')."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: starts real processes (worker, Redis, SMTP); seconds, not milliseconds")
