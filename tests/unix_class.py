"""A class of real Unix users on this machine, for the exchange and hub tests.

Needs root (to create the users) and a Python every user can run, with nbgrader
(`make student-env`, which CI runs). Without them the tests are skipped with the reason, unless
COURSE_REQUIRE_UNIX_USERS is set (CI sets it): then they fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from autograder import notebooks
from grading_class import A01

STUDENT_ENV = Path(os.environ.get("COURSE_STUDENT_ENV", "/opt/dlcourse-student"))
COURSE = "dl-foundations"


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "the exchange test creates Unix users, so it needs root"
    if shutil.which("useradd") is None or shutil.which("runuser") is None:
        return "useradd and runuser are needed"
    if not (STUDENT_ENV / "bin" / "nbgrader").exists():
        return f"no student environment at {STUDENT_ENV}: run `make student-env`"
    return None


def _skip_or_fail():
    reason = _why_not()
    if reason is None:
        return
    if os.environ.get("COURSE_REQUIRE_UNIX_USERS", "") not in ("", "0"):
        pytest.fail(f"COURSE_REQUIRE_UNIX_USERS is set but the exchange test would be skipped: {reason}")
    pytest.skip(reason)


def as_student(user: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run a command as a student, in their home, with the student environment first on PATH."""
    env = {"HOME": f"/home/{user}", "USER": user, "PATH": f"{STUDENT_ENV}/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
    result = subprocess.run([shutil.which("runuser"), "-u", user, "--", *args], cwd=f"/home/{user}", env=env,
                            capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"{user}: {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def nbgrader_as(user: str, command: str, exchange: Path, check: bool = True) -> subprocess.CompletedProcess:
    return as_student(user, "nbgrader", command, A01, f"--course={COURSE}", f"--Exchange.root={exchange}",
                      check=check)


def grader(command: str, course: Path, exchange: Path) -> None:
    bin_dir = Path(sys.executable).parent
    result = subprocess.run([str(bin_dir / "nbgrader"), command, A01, f"--course={COURSE}", f"--Exchange.root={exchange}"],
                            cwd=course, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise AssertionError(f"grader: nbgrader {command} failed:\n{result.stdout}\n{result.stderr}")


def _answer(user: str, nb) -> None:
    """Write the student's notebook into their copy of the assignment, as them."""
    path = Path(f"/home/{user}") / A01 / f"{A01}.ipynb"
    notebooks.write(nb, path)
    shutil.chown(path, user, user)


@contextmanager
def unix_class(students: tuple[str, ...]):
    """Create the students' accounts (homes only they can read) and an exchange every user can
    write to; yield the exchange root; remove both afterwards."""
    for user in students:
        subprocess.run(["userdel", "-r", user], capture_output=True)
        subprocess.run(["useradd", "-m", "-K", "HOME_MODE=0700", user], check=True)
    parent = Path(tempfile.mkdtemp(prefix="dlcourse-exchange-"))
    parent.chmod(0o755)
    exchange = parent / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)  # as nbgrader's documentation sets it up; nbgrader sets each course's modes
    try:
        yield exchange
    finally:
        for user in students:
            subprocess.run(["userdel", "-r", user], capture_output=True)
        shutil.rmtree(parent, ignore_errors=True)


def answers(course: Path):
    """The release, the solution, and a partly right answer (mae and mse left as released)."""
    from autograder.course import notebook_path

    release = notebooks.read(notebook_path(course / "release", A01))
    solution = notebooks.filled_with_solutions(release, notebooks.read(notebook_path(course / "source", A01)))
    partly = notebooks.filled_with_solutions(release, notebooks.read(notebook_path(course / "source", A01)))
    released = {notebooks.grade_id(c): c.source for c in release.cells}
    for cell in partly.cells:
        if notebooks.grade_id(cell) in ("mae", "mse"):
            cell.source = released[notebooks.grade_id(cell)]
    return release, solution, partly
