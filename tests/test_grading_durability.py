"""Parallel grading gives serial nbgrader's scores; re-grading, resuming a killed run, and PostgreSQL."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from autograder.course import load_config, nbgrader_api
from autograder.grade import grade
from autograder.verify import autograde_part, read_scores
from grading_class import A01, REPO, catalogue_class, fingerprints, make_course

pytestmark = pytest.mark.slow
CLASS_SIZE = 8


def gradebook_scores(course):
    return read_scores(nbgrader_api(load_config(course)), A01)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One built course with a class of solution, blank, mutants and alternatives (not yet graded)."""
    course = make_course(tmp_path_factory.mktemp("class") / "course", A01)
    kinds = catalogue_class(course, A01, CLASS_SIZE)
    return course, kinds


def copy_course(built, folder):
    course, _ = built
    shutil.copytree(course, folder)
    return folder


@pytest.fixture(scope="module")
def serial_scores(built, tmp_path_factory):
    """Plain nbgrader: one `autograde` of the whole class, one submission after another."""
    course = copy_course(built, tmp_path_factory.mktemp("serial") / "course")
    scores, error = autograde_part(REPO, course, A01)
    assert not error
    return scores


@pytest.fixture(scope="module")
def parallel(built, tmp_path_factory):
    course = copy_course(built, tmp_path_factory.mktemp("parallel") / "course")
    before = fingerprints(course / "submitted")
    first = grade(course, A01, log=lambda *_: None, workers=3, report=False)
    return course, first, before


def test_parallel_grading_gives_exactly_the_scores_of_serial_nbgrader(built, serial_scores, parallel):
    course, first, _ = parallel
    _, kinds = built
    assert len(serial_scores) == CLASS_SIZE
    assert gradebook_scores(course) == serial_scores
    assert first.workers == 3
    # and the class is what it should be: the solution full, the blank 0, mutants below full
    totals = {r.student_id: r.score for r in first.results}
    assert totals["s000-solution"] == 17.0 and totals["s001-blank"] == 0.0
    assert all(totals[s] < 17.0 for s, kind in kinds.items() if kind == "mutant")
    assert all(totals[s] == 17.0 for s, kind in kinds.items() if kind == "alternative")


def test_regrading_gives_identical_scores_and_never_touches_submissions(parallel):
    course, first, before = parallel
    again = grade(course, A01, log=lambda *_: None, workers=2, regrade=True, report=False)
    assert [(r.student_id, r.score, r.exercises) for r in again.results] == \
        [(r.student_id, r.score, r.exercises) for r in first.results]
    assert again.resumed == []
    assert fingerprints(course / "submitted") == before
    with sqlite3.connect(course / "gradebook.db") as db:
        assert db.execute("SELECT count(*) FROM submitted_assignment").fetchone()[0] == CLASS_SIZE


def test_a_second_run_takes_finished_students_from_the_ledger(parallel):
    course, first, _ = parallel
    again = grade(course, A01, log=lambda *_: None, report=False)
    assert sorted(again.resumed) == sorted(r.student_id for r in first.results)
    assert [r.score for r in again.results] == [r.score for r in first.results]


def test_a_changed_submission_is_graded_again(parallel):
    course, _, _ = parallel
    changed = course / "submitted" / "s001-blank" / A01 / f"{A01}.ipynb"
    solution = course / "submitted" / "s000-solution" / A01 / f"{A01}.ipynb"
    shutil.copy(solution, changed)  # the student resubmitted, now correct
    again = grade(course, A01, log=lambda *_: None, report=False)
    assert "s001-blank" not in again.resumed
    assert next(r for r in again.results if r.student_id == "s001-blank").score == 17.0


def test_a_run_killed_half_way_resumes_without_losing_or_duplicating_grades(built, serial_scores, tmp_path):
    course = copy_course(built, tmp_path / "course")
    ledger = course / "grading" / f"{A01}.jsonl"
    env = dict(os.environ, PATH=str(sys.executable.rsplit("/", 1)[0]) + os.pathsep + os.environ["PATH"])
    run = subprocess.Popen([sys.executable, "-m", "autograder", "--course-dir", str(course), "grade", A01,
                            "--workers", "2"], env=env, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and run.poll() is None:
        if ledger.exists() and len(ledger.read_text().splitlines()) >= 3:
            break
        time.sleep(0.1)
    assert run.poll() is None, "the run finished before it could be killed"
    family = descendants(run.pid)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and alive(family):
        time.sleep(0.1)
    assert alive(family) == {}, "a worker or kernel outlived the killed run"
    done_before = len(ledger.read_text().splitlines())
    assert 3 <= done_before < CLASS_SIZE

    resumed = grade(course, A01, log=lambda *_: None, workers=2, report=False)
    assert len(resumed.resumed) >= 3
    assert gradebook_scores(course) == serial_scores
    with sqlite3.connect(course / "gradebook.db") as db:
        rows = db.execute("SELECT student_id, count(*) FROM submitted_assignment GROUP BY student_id").fetchall()
    assert sorted(rows) == sorted((student, 1) for student in serial_scores)
    assert not list((course / "autograded").glob("*/*.incoming"))


def test_no_worker_or_kernel_outlives_a_killed_run(built, tmp_path):
    """Killing the grader kills its workers and their sandboxed kernels (PR_SET_PDEATHSIG)."""
    course = copy_course(built, tmp_path / "course")
    run = subprocess.Popen([sys.executable, "-m", "autograder", "--course-dir", str(course), "grade", A01,
                            "--workers", "2"], start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not any("ipykernel" in c for c in descendants(run.pid).values()):
        time.sleep(0.1)
    family = descendants(run.pid)
    assert any("ipykernel" in c for c in family.values()), "no grading kernel started"
    run.kill()  # the grader only: its workers and kernels must follow it
    run.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and alive(family):
        time.sleep(0.1)
    assert alive(family) == {}


def descendants(pid: int) -> dict[int, str]:
    """Every process below `pid`, with its command line."""
    parent_of, cmdline = {}, {}
    for proc in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{proc}/stat").read()
            parent_of[int(proc)] = int(stat.rsplit(")", 1)[1].split()[1])
            cmdline[int(proc)] = open(f"/proc/{proc}/cmdline", "rb").read().decode(errors="replace").replace("\0", " ")
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = {}, [pid]
    while frontier:
        current = frontier.pop()
        for child, parent in parent_of.items():
            if parent == current and child not in found:
                found[child] = cmdline.get(child, "")
                frontier.append(child)
    return found


def alive(processes: dict[int, str]) -> dict[int, str]:
    """Those of `processes` still running (a zombie waiting for its parent counts as gone)."""
    left = {}
    for pid, cmdline in processes.items():
        try:
            state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            left[pid] = cmdline
    return left


@pytest.mark.postgres
def test_parallel_grading_into_postgresql_gives_the_serial_scores(built, serial_scores, postgres_url, tmp_path):
    course = make_course(tmp_path / "course", A01, db_url=postgres_url)
    shutil.copytree(built[0] / "submitted", course / "submitted")
    assert not (course / "gradebook.db").exists()
    report = grade(course, A01, log=lambda *_: None, workers=3, report=False)
    assert report.backup is None  # PostgreSQL is backed up with its own tools
    assert gradebook_scores(course) == serial_scores
    assert not (course / "gradebook.db").exists()
    again = grade(course, A01, log=lambda *_: None, workers=2, regrade=True, report=False)
    assert [r.score for r in again.results] == [r.score for r in report.results]
