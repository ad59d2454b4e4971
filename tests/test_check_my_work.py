"""Check my work (autograder/check_my_work.py): a student's notebook graded against the hidden
tests before the deadline, with only pass/fail and catalogue sentences going back, a daily limit,
and a log the TA report counts. The hub service around it is tested in tests/test_hub.py."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import nbformat
import pytest

from autograder import notebooks
from autograder.check_my_work import Checker, CheckRefused, read_log, usage
from autograder.course import notebook_path
from autograder.misconceptions import student_line
from grading_class import A01, REPO, make_course, release, replaced, solution

pytestmark = pytest.mark.slow
WRITTEN = "written_outlier_loss"
MUTANT = REPO / "autograder" / "mutants" / A01 / "mae" / "no_absolute_value.py"
# A student who tries to get the hidden tests' inputs back: raised as a "known mistake", printed,
# and written to a file beside the notebook.
EXFILTRATE = '''
def add_bias_column(X):
    import pathlib
    print("LEAKED-INPUT", repr(X))
    pathlib.Path("leak.txt").write_text(repr(X))
    raise ValueError("LEAKED-INPUT\\nKnown mistake: LEAKED-INPUT " + repr(X))
'''


def _bytes(nb) -> bytes:
    return nbformat.writes(nb).encode()


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return make_course(tmp_path_factory.mktemp("checks") / "course", A01)


@pytest.fixture(scope="module")
def checked(course):
    """One real check of a notebook with a known mistake in mae and an exfiltration attempt in
    add_bias_column, and one of the full solution."""
    before = {p: p.read_bytes() for p in (course / "gradebook.db",)}
    checker = Checker(course, per_day=5)
    nb = replaced(solution(course, A01), mae=MUTANT.read_text(), add_bias_column=EXFILTRATE)
    mixed = checker.check("ana", A01, _bytes(nb))
    full = checker.check("ana", A01, _bytes(solution(course, A01)))
    return dict(mixed=mixed, full=full, before=before)


def test_a_check_says_which_exercises_pass_and_names_the_catalogued_mistake(checked):
    by_name = {e["name"]: e for e in checked["mixed"]["exercises"]}
    assert [e["name"] for e in checked["mixed"]["exercises"]] == [
        "problem_types", "predict", "mae", "mse", "rmse", "add_bias_column", "vocabulary_answers"]
    assert not by_name["mae"]["passed"]
    assert student_line(MUTANT) in by_name["mae"]["mistakes"]
    assert not by_name["add_bias_column"]["passed"]
    assert all(by_name[name]["passed"] for name in ("problem_types", "predict", "mse", "rmse"))
    assert checked["mixed"]["written"] == [WRITTEN]
    assert (checked["mixed"]["used"], checked["mixed"]["per_day"]) == (1, 5)
    assert all(e["passed"] for e in checked["full"]["exercises"]) and checked["full"]["used"] == 2


def test_a_check_returns_nothing_of_the_hidden_tests_or_of_what_student_code_raised(checked, course):
    text = json.dumps(checked["mixed"])
    assert "LEAKED" not in text  # the raised "Known mistake:" line is not a catalogue sentence
    assert checked["mixed"]["exercises"][5]["mistakes"] == []
    source = notebooks.read(notebook_path(course / "source", A01))
    hidden = [line.strip() for c in source.cells if notebooks.is_grade(c)
              for line in c.source.split("### BEGIN HIDDEN TESTS")[-1].splitlines()
              if "BEGIN HIDDEN" in c.source and len(line.strip()) > 12]
    assert hidden and not [line for line in hidden if line in text]
    assert set(checked["mixed"]) == {"assignment", "exercises", "written", "problems", "used", "per_day"}
    assert all(set(e) == {"name", "passed", "mistakes"} for e in checked["mixed"]["exercises"])


def test_a_check_leaves_the_course_untouched(checked, course):
    assert (course / "gradebook.db").read_bytes() == checked["before"][course / "gradebook.db"]
    assert not (course / "submitted").exists() and not (course / "feedback").exists()
    assert not list(course.rglob("leak.txt"))


def test_every_check_is_logged_and_counted_for_the_ta(checked, course):
    rows = [r for r in read_log(course, A01) if r["student"] == "ana"]
    assert [r["event"] for r in rows][:2] == ["checked", "checked"]
    assert rows[0]["not_passed"] == ["mae", "add_bias_column"] and len(rows[0]["sha256"]) == 64
    assert usage(course, A01)["ana"]["checked"] >= 2


def _fake_result(checker: Checker):
    from autograder.results import StudentResult

    def grade(assignment_id, nb):
        return StudentResult("student", "graded", exercises={"predict": (3.0, 3.0)})
    checker._grade = grade  # the limit's bookkeeping without grading a notebook each time
    return checker


def test_a_student_gets_per_day_checks_a_day_and_more_the_next_day(course, tmp_path):
    clock = Clock(datetime(2026, 3, 2, 9, 0))
    checker = _fake_result(Checker(course, per_day=2, clock=clock))
    body = _bytes(release(course, A01))
    assert checker.check("ben", A01, body)["used"] == 1
    assert checker.check("ben", A01, body)["used"] == 2
    with pytest.raises(CheckRefused) as refused:
        checker.check("ben", A01, body)
    assert refused.value.status == 429 and "2 checks" in str(refused.value) and "tomorrow" in str(refused.value)
    assert checker.check("cho", A01, body)["used"] == 1  # another student's limit is their own
    clock.now += timedelta(days=1)
    assert checker.check("ben", A01, body)["used"] == 1
    assert usage(course, A01)["ben"] == {"checked": 3, "refused": 1}


def test_a_second_check_while_one_runs_is_refused_and_a_try_that_fails_still_counts(course):
    from autograder.results import StudentResult

    checker = Checker(course, per_day=2, clock=Clock(datetime(2026, 3, 3, 9, 0)))
    body = _bytes(release(course, A01))

    def grade_while_another_arrives(assignment_id, nb):
        with pytest.raises(CheckRefused) as busy:
            checker.check("dan", A01, body)
        assert busy.value.status == 409 and "still running" in str(busy.value)
        return StudentResult("student", "failed", message="nbgrader could not grade it")
    checker._grade = grade_while_another_arrives
    with pytest.raises(CheckRefused) as failed:
        checker.check("dan", A01, body)
    assert failed.value.status == 503 and "this try counted" in str(failed.value)

    def grader_breaks(assignment_id, nb):
        raise OSError("disk full")
    checker._grade = grader_breaks
    with pytest.raises(OSError):
        checker.check("dan", A01, body)
    with pytest.raises(CheckRefused) as spent:  # the student's code ran twice: both tries count
        checker.check("dan", A01, body)
    assert spent.value.status == 429
    assert [r["event"] for r in read_log(course, A01) if r["student"] == "dan"] == [
        "refused", "failed", "failed", "refused"]


def test_a_check_never_writes_the_gradebook_the_course_config_names(course, tmp_path):
    """A course on PostgreSQL names its gradebook in nbgrader_config.py; a check's copy of the
    course must grade into a gradebook of its own all the same."""
    from autograder.course import own_gradebook

    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "nbgrader_config.py").write_text((course / "nbgrader_config.py").read_text()
                                             + "\nc.CourseDirectory.db_url = 'postgresql://course@localhost/grades'\n")
    own_gradebook(copy)
    from autograder.course import load_config, nbgrader_api

    assert nbgrader_api(load_config(copy)).coursedir.db_url == f"sqlite:///{copy.resolve() / 'gradebook.db'}"


def test_a_student_hears_which_limit_was_hit_but_not_where_or_how_often():
    from autograder.check_my_work import OUTPUT, STOPPED, TIMEOUT, _problems

    events = ["cell 41 ran past the 30 s cell timeout and was interrupted",
              "cell 42 ran past the 30 s cell timeout and was interrupted",
              "cell 57 printed more than 1,000,000 bytes; the rest was cut",
              "the submission ran past its 600 s time limit in cell 60; the cells after it were not run"]
    assert _problems(events) == [TIMEOUT, OUTPUT, STOPPED]
    assert _problems(events[:2]) == [TIMEOUT] and _problems([]) == []


@pytest.mark.parametrize("body, status, words", [
    (b"{not json", 400, "not a notebook"),
    (b"x" * (10 * 2**20 + 1), 413, "Clear its outputs"),
], ids=["broken", "huge"])
def test_a_broken_or_huge_upload_gets_a_clear_refusal_and_costs_no_try(course, body, status, words):
    checker = Checker(course, per_day=1, clock=Clock(datetime(2026, 3, 4, 9, 0)))
    with pytest.raises(CheckRefused) as refused:
        checker.check("eve", A01, body)
    assert refused.value.status == status and words in str(refused.value)
    assert usage(course, A01).get("eve", {"checked": 0})["checked"] == 0


def test_an_unknown_assignment_or_one_past_its_deadline_is_refused(course):
    from nbgrader.api import Gradebook

    checker = Checker(course, per_day=3, clock=Clock(datetime(2026, 3, 5, 9, 0)))
    with pytest.raises(CheckRefused) as unknown:
        checker.check("fay", "../source", b"{}")
    assert unknown.value.status == 404
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:  # in UTC, as nbgrader keeps it
        gradebook.update_or_create_assignment(A01, duedate=datetime(2026, 3, 1, 23, 59))
    checker.utcnow = lambda: datetime(2026, 3, 2, 0, 0)
    try:
        with pytest.raises(CheckRefused) as late:
            checker.check("fay", A01, _bytes(release(course, A01)))
        assert late.value.status == 403 and "deadline" in str(late.value)
    finally:
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            gradebook.update_or_create_assignment(A01, duedate=None)
