"""Shared fixtures: where the course lives, and its assignments."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture()
def page_and_errors(lab):
    """For the browser suites: a Chromium page on the module's `lab` server (a fixture each browser
    module defines), and the list its console errors and page errors go into."""
    import browser

    server, _ = lab
    (REPO / "tests" / "artifacts" / "browser").mkdir(parents=True, exist_ok=True)
    with browser.chromium_page(server) as page_and_errors:
        yield page_and_errors


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """One throw-away PostgreSQL server for the whole session (tests/postgres_server.py); the URL of
    its `gradebook` database. Skipped where PostgreSQL is not usable, unless COURSE_REQUIRE_POSTGRES
    is set, in which case the tests fail with the reason."""
    import postgres_server as pg

    reason = pg.require_postgres()
    if reason is not None:
        pytest.skip(reason)
    with pg.local_postgres(tmp_path_factory.mktemp("postgres")) as url:
        yield url


@pytest.fixture()
def postgres_url(postgres_server):
    """A SQLAlchemy URL of an empty database of its own, on the session's PostgreSQL server
    (postgresql+psycopg2://postgres@/<database>?host=<socket dir>&port=<port>); dropped afterwards."""
    import secrets

    import postgres_server as pg

    database = f"test_{secrets.token_hex(6)}"
    url = pg.create_database(postgres_server, database)
    yield url
    pg.drop_database(postgres_server, database)
