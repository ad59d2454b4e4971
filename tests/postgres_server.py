"""A throw-away PostgreSQL server for the tests: Debian's binaries, a Unix socket only, no TCP.

    with local_postgres(tmp_path) as url:   # postgresql+psycopg2://postgres@/gradebook?host=...&port=...
        Gradebook(url, course_id="dl-foundations")

The server listens on nothing but a Unix socket in its own folder (listen_addresses=''), trusts
whoever connects to that socket (it is reachable only through the folder), and runs with fsync
off: it is a fixture, not a database to keep. initdb and the server refuse to run as root, so
as root they run as Debian's `postgres` system user (runuser), in a folder that user owns.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

# Debian's postgresql-NN packages keep the server binaries off PATH, here.
DEBIAN_BIN_GLOB = "/usr/lib/postgresql/*/bin"
SYSTEM_USER = "postgres"  # created by Debian's postgresql-common; runs the server when we are root
SUPERUSER = "postgres"  # the database role initdb creates
DATABASE = "gradebook"
# A Unix socket's path must fit in sockaddr_un.sun_path (108 bytes with the NUL): "<dir>/.s.PGSQL.<port>".
MAX_SOCKET_PATH = 100

SERVER_SETTINGS = {
    "listen_addresses": "",  # no TCP at all: only the socket below
    "max_connections": "50",
    "fsync": "off",  # a throw-away database: durability buys nothing
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "shared_buffers": "32MB",
    "logging_collector": "off",
}


class PostgresUnavailable(RuntimeError):
    pass


def _version_key(bindir: str) -> tuple:
    version = Path(bindir).parent.name
    return tuple(int(p) if p.isdigit() else p for p in version.split("."))


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: Debian's newest, else initdb's on PATH."""
    for bindir in sorted(glob.glob(DEBIAN_BIN_GLOB), key=_version_key, reverse=True):
        if all(os.access(Path(bindir) / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(bindir)
    initdb = shutil.which("initdb")
    if initdb:
        # /usr/local/bin/initdb may be a link into a versioned folder: pg_ctl and postgres live there.
        for candidate in (Path(initdb).resolve().parent, Path(initdb).parent):
            if all(os.access(candidate / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
                return candidate
    return None


def _running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def postgres_available() -> str | None:
    """Why a local PostgreSQL server cannot be started here, or None if it can."""
    if find_bindir() is None:
        return (f"PostgreSQL's server binaries (initdb, pg_ctl, postgres) are neither in {DEBIAN_BIN_GLOB} "
                "nor on PATH (Debian: apt-get install postgresql)")
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return "the psycopg2 package is not installed (pip install -e '.[test]' installs psycopg2-binary)"
    if _running_as_root():
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            return (f"running as root, and initdb refuses root, but there is no '{SYSTEM_USER}' system user "
                    "to run the server as (Debian's postgresql package creates it)")
        if shutil.which("runuser") is None:
            return f"running as root, and initdb refuses root, but runuser (util-linux) is not there to switch to '{SYSTEM_USER}'"
    return None


def free_port() -> int:
    """A port number nobody listens on; with listen_addresses='' it only names the socket file."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", SYSTEM_USER, "--", *command] if _running_as_root() else command


def _run(command: list[str], cwd: Path, timeout: float, log: Path | None = None) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}  # none of the caller's PGDATA, PGPORT...
    env.update(LC_ALL="C", LANG="C")
    result = subprocess.run(_as_server_user(command), cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        log_text = ""
        if log is not None:
            with contextlib.suppress(OSError):
                log_text = "\nserver log:\n" + log.read_text(errors="replace")[-4000:]
        raise PostgresUnavailable(f"{' '.join(command)} exited with {result.returncode}:\n"
                                  f"{result.stdout[-4000:]}{result.stderr[-4000:]}{log_text}")


def _usable_by_server_user(folder: Path) -> bool:
    """Can the server's user (root: postgres) create files in `folder`, and is the socket path short enough?"""
    if len(str(folder / "socket" / ".s.PGSQL.65535")) > MAX_SOCKET_PATH:
        return False
    if not _running_as_root():
        return True
    shutil.chown(folder, SYSTEM_USER, SYSTEM_USER)
    probe = subprocess.run(_as_server_user(["test", "-w", str(folder), "-a", "-x", str(folder)]),
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
    return probe.returncode == 0


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"


def database_url(socket_dir: Path, port: int, database: str = DATABASE) -> str:
    from sqlalchemy.engine import URL

    url = URL.create("postgresql+psycopg2", username=SUPERUSER, database=database,
                     query={"host": str(socket_dir), "port": str(port)})
    return url.render_as_string(hide_password=False)


def with_database(url: str, database: str) -> str:
    """`url`, naming another database of the same server."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=database).render_as_string(hide_password=False)


def _connect(url: str):
    import psycopg2
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    connection = psycopg2.connect(dbname=parsed.database, user=parsed.username,
                                  host=parsed.query["host"], port=parsed.query["port"], connect_timeout=10)
    connection.autocommit = True  # CREATE / DROP DATABASE cannot run inside a transaction
    return connection


def create_database(url: str, database: str) -> str:
    """Create an empty `database` on `url`'s server; returns the URL naming it."""
    with contextlib.closing(_connect(with_database(url, "postgres"))) as connection:
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{database}"')
    return with_database(url, database)


def drop_database(url: str, database: str) -> None:
    """Drop `database` from `url`'s server, closing whatever connections were left on it."""
    with contextlib.closing(_connect(with_database(url, "postgres"))) as connection:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _stop(pg_ctl: Path, data: Path, base: Path) -> None:
    """Stop the server: fast shutdown, else immediate, else SIGKILL to the postmaster."""
    for mode, timeout in (("fast", 30), ("immediate", 15)):
        with contextlib.suppress(PostgresUnavailable, subprocess.TimeoutExpired):
            _run([str(pg_ctl), "stop", "-D", str(data), "-m", mode, "-w", "-t", str(timeout)],
                 cwd=base, timeout=timeout + 10)
            return
    with contextlib.suppress(OSError, ValueError, IndexError):
        pid = int((data / "postmaster.pid").read_text().splitlines()[0])
        os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def local_postgres(folder: Path, startup_timeout: float = 60.0):
    """A freshly initialised PostgreSQL server for the block; yields the URL of its empty `gradebook`
    database, postgresql+psycopg2://postgres@/gradebook?host=<socket dir>&port=<port>.

    The data directory, socket and log live in `folder` (kept: postgres.log; removed: the data).
    Where the server's user cannot reach `folder` (as root: pytest's /tmp/pytest-of-root is mode
    700) or the socket path would be too long, they live in a fresh folder directly under /tmp
    instead, removed on exit. The server is stopped on leaving the block, error or not.
    """
    reason = postgres_available()
    if reason is not None:
        raise PostgresUnavailable(reason)
    bindir = find_bindir()
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    own_tmp: Path | None = None
    base = folder / "postgres"
    base.mkdir(exist_ok=True)
    if not _usable_by_server_user(base):
        own_tmp = Path(tempfile.mkdtemp(prefix="course-pg-", dir="/tmp"))
        os.chmod(own_tmp, 0o755)
        base = own_tmp
        if not _usable_by_server_user(base):
            shutil.rmtree(own_tmp, ignore_errors=True)
            raise PostgresUnavailable(f"the server's user cannot write to {base}")
    data, socket_dir, log = base / "data", base / "socket", base / "postgres.log"
    socket_dir.mkdir(exist_ok=True)
    log.touch()
    if _running_as_root():
        for path in (socket_dir, log):
            shutil.chown(path, SYSTEM_USER, SYSTEM_USER)
    port = free_port()
    started = False
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "--no-locale",
              "-E", "UTF8", "--no-sync", "--no-instructions"], cwd=base, timeout=120)
        settings = dict(SERVER_SETTINGS, unix_socket_directories=str(socket_dir), port=str(port))
        with open(data / "postgresql.conf", "a") as conf:  # appended: the last setting wins
            conf.write("\n# tests/postgres_server.py\n")
            conf.writelines(f"{key} = {_quote(value)}\n" for key, value in settings.items())
        started = True  # from here on, a half-started server is stopped too
        _run([str(bindir / "pg_ctl"), "start", "-w", "-t", str(int(startup_timeout)), "-D", str(data),
              "-l", str(log)], cwd=base, timeout=startup_timeout + 30, log=log)
        url = database_url(socket_dir, port)
        create_database(url, DATABASE)
        yield url
    finally:
        try:
            if started:
                _stop(bindir / "pg_ctl", data, base)
        finally:
            if own_tmp is not None:
                with contextlib.suppress(OSError):
                    shutil.copyfile(log, folder / "postgres.log")
                shutil.rmtree(own_tmp, ignore_errors=True)
            else:
                shutil.rmtree(data, ignore_errors=True)


def require_postgres() -> str | None:
    """None when PostgreSQL is usable; else the reason, unless COURSE_REQUIRE_POSTGRES says the
    PostgreSQL tests must run here, in which case fail with it (pytest.fail)."""
    import pytest

    reason = postgres_available()
    if reason is None:
        return None
    if os.environ.get("COURSE_REQUIRE_POSTGRES", "") not in ("", "0"):
        pytest.fail(f"COURSE_REQUIRE_POSTGRES is set but the PostgreSQL tests would be skipped: {reason}",
                    pytrace=False)
    return reason
