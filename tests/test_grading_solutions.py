"""Every week under the class grader (sandbox, limits, scan): the solution full, the blank release 0.

verify proves each assignment's tests with plain nbgrader; this proves the grader's own layer
changes nothing for honest work: no hold on a correct answer, no sandbox that hides a file a
notebook needs, no false alarm from the run-time checks of numpy and torch.
"""

from __future__ import annotations

import pytest

from autograder.course import assignment_ids
from autograder.grade import grade
from grading_class import REPO, make_course, release, solution, submit

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("assignment_id", assignment_ids(REPO))
def test_the_solution_scores_full_and_the_blank_release_zero(assignment_id, tmp_path):
    course = make_course(tmp_path / "course", assignment_id)
    submit(course, assignment_id, "solution", solution(course, assignment_id))
    submit(course, assignment_id, "blank", release(course, assignment_id))
    report = grade(course, assignment_id, log=lambda *_: None, workers=2, report=False)
    results = {r.student_id: r for r in report.results}
    assert results["solution"].score == results["solution"].max_score > 0, results["solution"].exercises
    assert results["solution"].reasons == [], results["solution"].reasons
    assert results["blank"].score == 0.0 and results["blank"].status == "graded"
    assert results["blank"].held == []
