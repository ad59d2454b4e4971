"""nbgrader's gradebook on a real PostgreSQL server (started by the tests: tests/postgres_server.py).

Skipped where PostgreSQL is not installed, unless COURSE_REQUIRE_POSTGRES is set (CI sets it).
"""

import functools
import multiprocessing
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import postgres_server  # noqa: E402

COURSE = "dl-foundations"


@pytest.fixture()
def alembic_on_path(monkeypatch):
    """nbgrader's Gradebook shells out to `alembic` for a new database: this environment's bin/ on PATH
    (as autograder.course.nbgrader_api does)."""
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))


@pytest.fixture(scope="module")
def alembic_head_asked_once():
    """Every new gradebook asks `alembic heads` (a subprocess, ~2.5 s here) for the same answer:
    the first asks it for real, the rest reuse its answer."""
    import nbgrader.api

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nbgrader.api, "get_alembic_version", functools.cache(nbgrader.api.get_alembic_version))
        yield


@pytest.mark.postgres
@pytest.mark.usefixtures("alembic_on_path", "alembic_head_asked_once")
def test_gradebook_creates_its_tables_and_keeps_what_is_added(postgres_url):
    from nbgrader.api import Gradebook
    from sqlalchemy import create_engine, inspect

    assert postgres_url.startswith("postgresql+psycopg2://postgres@/test_")
    with Gradebook(postgres_url, course_id=COURSE) as gb:
        gb.add_student("kim", first_name="Minji", last_name="Kim", email="kim@example.com")
        gb.add_assignment("a01_models_and_loss")

    engine = create_engine(postgres_url)
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"course", "student", "assignment", "notebook", "grade", "alembic_version"} <= tables

    with Gradebook(postgres_url, course_id=COURSE) as gb:  # a new connection: read back from the server
        assert [s.id for s in gb.students] == ["kim"]
        student = gb.find_student("kim")
        assert (student.first_name, student.last_name, student.email) == ("Minji", "Kim", "kim@example.com")
        assert [a.name for a in gb.assignments] == ["a01_models_and_loss"]
        assert gb.find_assignment("a01_models_and_loss").course_id == COURSE


def _add_students(url, prefix, count, barrier, errors):
    from nbgrader.api import Gradebook

    try:
        with Gradebook(url, course_id=COURSE) as gb:
            barrier.wait(timeout=30)  # both writers start together
            for i in range(count):
                gb.add_student(f"{prefix}{i:02d}")
    except Exception as error:  # reported to the parent, which asserts on it
        errors.put(f"{prefix}: {type(error).__name__}: {error}")
        raise


@pytest.mark.postgres
@pytest.mark.usefixtures("alembic_on_path", "alembic_head_asked_once")
def test_two_processes_writing_students_at_once_both_land(postgres_url):
    from nbgrader.api import Gradebook

    with Gradebook(postgres_url, course_id=COURSE):  # the tables and the course, before the writers
        pass
    context = multiprocessing.get_context("fork")  # the children inherit the imported nbgrader
    barrier, errors = context.Barrier(2), context.Queue()
    writers = [context.Process(target=_add_students, args=(postgres_url, prefix, 25, barrier, errors))
               for prefix in ("left", "right")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    for writer in writers:
        if writer.is_alive():
            writer.kill()
    messages = []
    while not errors.empty():
        messages.append(errors.get())
    assert not messages, messages
    assert [w.exitcode for w in writers] == [0, 0]

    with Gradebook(postgres_url, course_id=COURSE) as gb:
        ids = sorted(s.id for s in gb.students)
    assert ids == sorted([f"left{i:02d}" for i in range(25)] + [f"right{i:02d}" for i in range(25)])


@pytest.mark.postgres
def test_each_test_gets_an_empty_database(postgres_url):
    from sqlalchemy import create_engine, inspect

    engine = create_engine(postgres_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


# -- when PostgreSQL is missing: skip, or fail where it is required ---------------------------

def _hide_postgres(monkeypatch, tmp_path):
    monkeypatch.setattr(postgres_server, "DEBIAN_BIN_GLOB", str(tmp_path / "no-postgresql" / "*" / "bin"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))


def test_missing_binaries_are_named(monkeypatch, tmp_path):
    _hide_postgres(monkeypatch, tmp_path)
    reason = postgres_server.postgres_available()
    assert reason is not None and "initdb" in reason and "apt-get install postgresql" in reason


def test_missing_binaries_skip_unless_postgres_is_required(monkeypatch, tmp_path):
    _hide_postgres(monkeypatch, tmp_path)
    monkeypatch.delenv("COURSE_REQUIRE_POSTGRES", raising=False)
    assert "initdb" in postgres_server.require_postgres()  # the fixture skips with this reason

    monkeypatch.setenv("COURSE_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="COURSE_REQUIRE_POSTGRES is set.*initdb"):
        postgres_server.require_postgres()


def test_missing_psycopg2_is_named(monkeypatch):
    monkeypatch.setattr(postgres_server, "find_bindir", lambda: Path("/usr/lib/postgresql/15/bin"))
    monkeypatch.setitem(sys.modules, "psycopg2", None)  # import psycopg2 raises ImportError
    assert "psycopg2" in postgres_server.postgres_available()


def test_as_root_without_a_postgres_user_is_named(monkeypatch):
    monkeypatch.setattr(postgres_server, "find_bindir", lambda: Path("/usr/lib/postgresql/15/bin"))
    monkeypatch.setattr(postgres_server, "_running_as_root", lambda: True)
    monkeypatch.setattr(postgres_server, "SYSTEM_USER", "no-such-user-for-postgres")
    assert "no-such-user-for-postgres" in postgres_server.postgres_available()
