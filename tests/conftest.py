"""Test database built by the migrations; every test runs in a transaction rolled back after it.

Set TECHMATCH_TEST_DATABASE_URL to a PostgreSQL URL to run on PostgreSQL; by default
the suite uses a SQLite file in a temporary folder.
"""

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_tmp = Path(tempfile.mkdtemp(prefix="techmatch-test-"))
atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
TEST_DB_URL = os.environ.get("TECHMATCH_TEST_DATABASE_URL") or f"sqlite:///{_tmp / 'test.db'}"
os.environ["TECHMATCH_DATABASE_URL"] = TEST_DB_URL
os.environ["TECHMATCH_ENVIRONMENT"] = "test"
os.environ["TECHMATCH_VAR_DIR"] = str(_tmp)

import pytest  # noqa: E402
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import Engine, create_engine, event, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from backend.app import create_app  # noqa: E402
from backend.core.deps import get_session  # noqa: E402
from backend.matching.live_index import NEED_INDEX, OUTPUT_INDEX  # noqa: E402
from backend.models import Base  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url)
    engine = create_engine(url, connect_args={"check_same_thread": False})

    # pysqlite's own transaction handling breaks SAVEPOINT; take it over (SQLAlchemy docs recipe).
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")

    return engine


def _reset_postgres(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


@pytest.fixture(scope="session")
def engine() -> Iterator[Engine]:
    eng = _engine(TEST_DB_URL)
    if eng.dialect.name == "postgresql":
        _reset_postgres(eng)
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.attributes["database_url"] = TEST_DB_URL
    command.upgrade(cfg, "head")
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    connection = engine.connect()
    outer = connection.begin()
    db = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield db
    finally:
        db.close()
        outer.rollback()
        connection.close()


@pytest.fixture
def app(session: Session):  # type: ignore[no-untyped-def]
    # Each test's rows are rolled back; the in-memory match indexes must forget them too.
    OUTPUT_INDEX.reset()
    NEED_INDEX.reset()
    application = create_app()

    def _session() -> Iterator[Session]:
        # Keep what the test set up so far: a failing request rolls back only its own work.
        session.commit()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise

    application.dependency_overrides[get_session] = _session
    return application


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def metadata_tables() -> list[str]:
    return sorted(Base.metadata.tables)
