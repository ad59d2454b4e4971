"""A class on one machine, through nbgrader's exchange, with real Unix users.

The grader (root, owner of the course) releases a01; three students, each a Unix user of their
own, fetch it, answer (one correct, one partly, one blank) and submit with nbgrader's own
commands; one submits twice and one after the due date. The grader collects, grades with
`grade`, and releases feedback; each student fetches their own. Then student B tries to read,
list and change what belongs to student A and to the course.

Needs root and the class environment (see tests/unix_class.py).
"""

from __future__ import annotations

import datetime
import shlex
import shutil
import tempfile
from pathlib import Path

import pytest

from autograder import notebooks
from autograder.course import load_config, nbgrader_api, notebook_path
from grading_class import A01, make_course
from autograder.exchange import collect
from autograder.grade import grade
from unix_class import COURSE, _answer, _skip_or_fail, answers, as_student, grader, nbgrader_as, unix_class

pytestmark = pytest.mark.slow
STUDENTS = ("dlcstu1", "dlcstu2", "dlcstu3")  # correct (submits twice), partly right and late, blank


@pytest.fixture(scope="module")
def cycle():
    _skip_or_fail()
    base = Path(tempfile.mkdtemp(prefix="dlcourse-class-"))  # 0700: the course is root's alone
    try:
        with unix_class(STUDENTS) as exchange:
            course = make_course(base / "course", A01)
            with open(course / "nbgrader_config.py", "a") as config:
                config.write('\nc.LateSubmissionPlugin.penalty_method = "zero"  # the test: a late submission scores 0\n')
            grader("release_assignment", course, exchange)
            release, solution, partly = answers(course)
            s1, s2, s3 = STUDENTS
            for user in STUDENTS:
                nbgrader_as(user, "fetch_assignment", exchange)
            _answer(s1, release)  # a first submission, blank ...
            nbgrader_as(s1, "submit", exchange)
            _answer(s1, solution)  # ... then the real one: the later submission counts
            nbgrader_as(s1, "submit", exchange)
            nbgrader_as(s3, "submit", exchange)
            due = datetime.datetime.now(datetime.timezone.utc)
            with nbgrader_api(load_config(course)).gradebook as gradebook:
                gradebook.update_or_create_assignment(A01, duedate=due)
            _answer(s2, partly)
            nbgrader_as(s2, "submit", exchange)  # after the due date
            # Student B forges a later "submission" of A's, a blank one, in the inbound folder (which
            # anyone may write to): collect must see that B, not A, owns it, and skip it.
            forged = exchange / COURSE / "inbound" / f"{s1}+{A01}+2099-01-01 00:00:00.000000 UTC+forged"
            as_student(s2, "sh", "-c", f"mkdir {shlex.quote(str(forged))} && cp {A01}/{A01}.ipynb "
                       f"{shlex.quote(str(forged))}/ && echo '2099-01-01 00:00:00.000000 UTC' > "
                       f"{shlex.quote(str(forged / 'timestamp.txt'))}")
            collected = collect(course, A01, exchange)
            report = grade(course, A01, log=lambda *_: None, workers=2)
            grader("release_feedback", course, exchange)
            for user in STUDENTS:
                nbgrader_as(user, "fetch_feedback", exchange)
            yield dict(course=course, exchange=exchange, report=report, due=due, collected=collected)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _scores(cycle) -> dict[str, float]:
    from nbgrader.api import Gradebook

    api = nbgrader_api(load_config(cycle["course"]))
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        return {s: gradebook.find_submission(A01, s).score - (gradebook.find_submission(A01, s).late_submission_penalty or 0)
                for s in STUDENTS}


def test_each_submission_is_collected_and_graded_the_later_one_counting(cycle):
    results = {r.student_id: r for r in cycle["report"].results}
    assert set(results) == set(STUDENTS) and all(r.status == "graded" for r in results.values())
    assert results["dlcstu1"].score == results["dlcstu1"].max_score == 17.0  # the second, correct submission
    assert results["dlcstu3"].score == 0.0
    assert 0.0 < results["dlcstu2"].score < 17.0  # mae and mse missing


def test_a_forged_submission_in_another_students_name_is_set_aside_for_a_human(cycle):
    collected = cycle["collected"]
    assert collected.collected == list(STUDENTS)
    assert len(collected.suspect) == 1 and "owned by dlcstu2, claims to be dlcstu1's" in collected.suspect[0]
    assert (collected.kept_in / f"dlcstu1+{A01}+2099-01-01 00:00:00.000000 UTC+forged" / f"{A01}.ipynb").exists()
    assert "NOT collected, for a human to look at" in collected.format()


def test_a_late_submission_gets_the_configured_penalty(cycle):
    scores = _scores(cycle)
    assert scores["dlcstu2"] == 0.0  # penalty_method = "zero"
    assert scores["dlcstu1"] == 17.0  # on time


def test_each_student_fetched_their_own_feedback(cycle):
    for user in STUDENTS:
        found = list(Path(f"/home/{user}/{A01}/feedback").glob(f"*/{A01}.html"))
        assert len(found) == 1, user
        html = found[0].read_text()
        assert "BEGIN HIDDEN TESTS" not in html and "checks.environment_intact()" not in html, user
    assert "17" in next(Path("/home/dlcstu1/a01_models_and_loss/feedback").glob("*/*.html")).read_text()


def test_a_student_cannot_see_or_change_another_students_work(cycle):
    exchange, s1, s2 = cycle["exchange"], "dlcstu1", "dlcstu2"
    inbound = exchange / COURSE / "inbound"
    feedback = exchange / COURSE / "feedback"
    theirs = next(p for p in inbound.iterdir() if p.name.startswith(s1 + "+") and not p.name.endswith("+forged"))
    # nbgrader hides a submission by its folder's name, which ends in 12 random characters: B
    # cannot list the folder, nor expand a pattern in it, so cannot find A's.
    assert len(theirs.name.rsplit("+", 1)[1]) >= 12
    attempts = {
        "list the inbound submissions": ["ls", str(inbound)],
        "find A's submission by a pattern": ["sh", "-c", f"cat {shlex.quote(str(inbound))}/{s1}+*/*.ipynb"],
        "change A's submission, even knowing its name": [
            "sh", "-c", f"echo x >> {shlex.quote(str(theirs / f'{A01}.ipynb'))}"],
        "list the released feedback": ["ls", str(feedback)],
        "read A's home": ["ls", f"/home/{s1}"],
        "read A's fetched feedback": ["sh", "-c", f"cat /home/{s1}/{A01}/feedback/*/{A01}.html"],
        "find A's released feedback by a pattern": ["sh", "-c", f"cat {shlex.quote(str(feedback))}/*.html"],
        "read the course's source": ["cat", str(notebook_path(cycle["course"] / "source", A01))],
        "read the gradebook": ["cat", str(cycle["course"] / "gradebook.db")],
    }
    allowed = {what: as_student(s2, *cmd, check=False).returncode == 0 for what, cmd in attempts.items()}
    assert not any(allowed.values()), [what for what, ok in allowed.items() if ok]
    assert notebook_path(cycle["course"] / "submitted" / s1, A01).exists()  # what B tried left A's work alone
    assert any(p.name.startswith(s1 + "+") for p in inbound.iterdir())
