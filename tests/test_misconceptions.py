"""Known mistakes: every catalogued mistake has a sentence for students, the visible tests name the
mistakes they catch, no answer reaches the release, and a correct answer is never told it erred."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from autograder import misconceptions, notebooks
from autograder.course import assignment_ids
from autograder.feedback import hidden_verdict, strip_hidden_region
from dlcourse import checks

REPO = Path(__file__).resolve().parents[1]
IDS = assignment_ids(REPO)


@pytest.fixture
def no_table():
    checks.use_misconceptions({})
    yield
    checks.use_misconceptions(None)


def test_every_catalogued_mistake_has_one_student_sentence():
    for assignment_id in IDS:
        for variant in misconceptions.variants(assignment_id):
            if variant["kind"] != "mutant":
                continue
            line = misconceptions.student_line(Path(variant["path"]))
            assert line, f"{variant['path']} has no 'Student:' line in its docstring"
            assert len(line) <= 90 and line[0].isupper() and line.endswith("."), line
            assert not re.search(r"mutant|catalogue|np\.|dtype", line), line


@pytest.mark.parametrize("assignment_id", IDS)
def test_the_fingerprint_table_is_current_and_the_release_ships_its_visible_part(assignment_id):
    assert misconceptions.is_current(REPO, assignment_id), (
        f"autograder/fingerprints/{assignment_id}.json is stale: run `python -m autograder build {assignment_id}`")
    table = misconceptions.load(assignment_id)
    shipped = json.loads((REPO / "release" / assignment_id / checks.MISCONCEPTIONS_FILE).read_text())
    assert shipped == misconceptions.release_table(table)
    assert set(table["results"]) == {v["id"] for v in misconceptions.variants(assignment_id)}


@pytest.mark.parametrize("assignment_id", IDS)
def test_a_correct_alternative_is_never_told_it_made_a_mistake(assignment_id):
    table = misconceptions.load(assignment_id)
    for variant in misconceptions.variants(assignment_id):
        if variant["kind"] == "alternative":
            result = table["results"][variant["id"]]
            assert not result["visible_failed"] and not result["visible_keys"], variant["id"]


@pytest.mark.parametrize("assignment_id", IDS)
def test_every_mistake_a_visible_check_catches_is_named_by_its_message(assignment_id):
    table = misconceptions.load(assignment_id)
    named = misconceptions.mistakes(table, "visible")
    for variant in misconceptions.variants(assignment_id):
        result = table["results"][variant["id"]]
        if variant["kind"] == "mutant" and result["visible_keys"]:
            sentence = misconceptions.student_line(Path(variant["path"]))
            assert sentence in named[result["visible_keys"][0]], variant["id"]


@pytest.mark.parametrize("assignment_id", IDS)
def test_every_mistake_the_visible_test_catches_gets_a_message_that_names_it(assignment_id):
    """No plain assert or bare error in a visible test: whatever way it catches a catalogued
    mistake (a wrong value, a wrong type, an exception), its failure has a fingerprint."""
    table = misconceptions.load(assignment_id)
    named = misconceptions.mistakes(table, "visible")
    unnamed = [variant["id"] for variant in misconceptions.variants(assignment_id)
               if variant["kind"] == "mutant" and table["results"][variant["id"]]["visible_failed"]
               and not any(key in named for key in table["results"][variant["id"]]["visible_keys"])]
    assert not unnamed, unnamed


@pytest.mark.parametrize("assignment_id", IDS)
def test_the_release_table_holds_no_solution_no_mistake_code_and_no_hidden_value(assignment_id):
    shipped = (REPO / "release" / assignment_id / checks.MISCONCEPTIONS_FILE).read_text()
    assert set(json.loads(shipped)) == {"about", "mistakes"}
    assert all(re.fullmatch(r"[0-9a-f]{16}", key) for key in json.loads(shipped)["mistakes"])
    source = notebooks.read(REPO / "source" / assignment_id / f"{assignment_id}.ipynb")
    secret_lines = []
    for cell in source.cells:
        if cell.cell_type != "code":
            continue
        if notebooks.is_solution(cell):
            secret_lines += notebooks.without_markers(cell.source).split("\n")
        elif notebooks.is_grade(cell):  # what the hidden region holds: inputs, expected values
            visible = set(strip_hidden_region(cell.source)[0].split("\n"))
            secret_lines += [line for line in cell.source.split("\n") if line not in visible]
    for variant in misconceptions.variants(assignment_id):
        secret_lines += Path(variant["path"]).read_text().split('"""')[-1].split("\n")
    for line in {line.strip() for line in secret_lines}:
        if len(line) >= 12 and not line.startswith("#"):
            assert line not in shipped, line
    for number in re.findall(r"\d+\.\d{3,}", "\n".join(secret_lines)):
        assert number not in shipped, number


def test_measuring_week_one_again_gives_the_committed_table():
    assignment_id = "a01_models_and_loss"
    measured = misconceptions.measure(REPO, assignment_id, log=lambda *_: None)
    assert measured == misconceptions.load(assignment_id)


def test_a_fingerprint_ignores_rounding_noise_but_not_a_different_result():
    a = np.array([0.1 + 0.2, 1e-17, 2.0])
    b = np.array([0.3, -3e-18, 2.0])
    assert checks.fingerprint("f(x)", a) == checks.fingerprint("f(x)", b)
    assert checks.fingerprint("f(x)", a) != checks.fingerprint("f(x)", b * 2)
    assert checks.fingerprint("f(x)", a) != checks.fingerprint("g(x)", a)
    assert checks.fingerprint("f(x)", a) != checks.fingerprint("f(x)", a.astype(np.float32))
    assert checks.fingerprint("f(x)", 1.0) == checks.fingerprint("f(x)", np.float64(1.0000001))


def test_a_failed_check_names_the_known_mistake_on_its_second_line():
    sentence = "This is what comes out when the absolute errors are summed instead of averaged."
    checks.use_misconceptions({checks.fingerprint("mae(y_true, y_pred)", 6.0): [sentence]})
    try:
        with pytest.raises(checks.CheckFailed) as failed:
            checks.check_float(6.0, 1.5, "mae(y_true, y_pred)")
        assert str(failed.value).split("\n") == ["mae(y_true, y_pred): got 6.0, expected 1.5.",
                                                  checks.KNOWN_MISTAKE + sentence, "The difference is 4.5."]
        with pytest.raises(checks.CheckFailed) as other:
            checks.check_float(5.0, 1.5, "mae(y_true, y_pred)")
        assert checks.KNOWN_MISTAKE not in str(other.value)  # an unknown result: only what differs
    finally:
        checks.use_misconceptions(None)


def test_hidden_feedback_shows_the_named_mistake_but_not_the_rest_of_the_message():
    outputs = [{"output_type": "error", "ename": "CheckFailed",
                "evalue": "mae(x) returned 6.0, expected 1.5.\nKnown mistake: This is what comes out when summed."
                          "\nexpected = secret"}]
    verdict = hidden_verdict(outputs)
    assert verdict == ("Hidden tests failed: CheckFailed: mae(x) returned 6.0, expected 1.5.\n"
                       "Known mistake: This is what comes out when summed.")


def test_without_a_table_the_checks_say_only_what_differs(tmp_path, monkeypatch, no_table):
    monkeypatch.chdir(tmp_path)
    checks.use_misconceptions(None)  # reads misconceptions.json from the notebook's folder: none here
    with pytest.raises(checks.CheckFailed) as failed:
        checks.check_array(np.array([1.0]), [2.0], "predict(X, w, b)")
    assert checks.KNOWN_MISTAKE not in str(failed.value)


def test_graded_feedback_and_the_report_name_known_mistakes_and_rmse_is_graded_alone(tmp_path):
    """Known mistakes (|mean error| for mae, a sum for mse) are named in the feedback, the hidden
    tests' verdicts included, and counted once in the report; an rmse that reuses the wrong mse
    keeps its points; a correct alternative is told nothing."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from grading_class import A01, make_course, replaced, solution, submit

    from autograder.grade import grade

    course = make_course(tmp_path / "course", A01)
    sol = solution(course, A01)
    mistake = REPO / "autograder/mutants/a01_models_and_loss/mae/abs_of_mean.py"
    other = REPO / "autograder/mutants/a01_models_and_loss/mse/sum_not_mean.py"
    alternative = next((REPO / "autograder/alternatives/a01_models_and_loss/mae").glob("*.py"))
    reuses_mse = REPO / "autograder/alternatives/a01_models_and_loss/rmse/reuses_mse.py"
    submit(course, A01, "abs_of_mean", replaced(sol, mae=mistake.read_text(), mse=other.read_text(),
                                                rmse=reuses_mse.read_text()))
    submit(course, A01, "alternative", replaced(sol, mae=alternative.read_text()))
    report = grade(course, A01, log=lambda *_: None, workers=2)
    results = {r.student_id: r for r in report.results}
    assert results["abs_of_mean"].mistakes == {"mae": [misconceptions.student_line(mistake)],
                                               "mse": [misconceptions.student_line(other)]}
    rmse_score, rmse_max = results["abs_of_mean"].exercises["rmse"]
    assert rmse_score == rmse_max  # rmse reuses the wrong mse, yet is graded alone: full marks
    assert results["alternative"].mistakes == {} and results["alternative"].score == results["alternative"].max_score

    page = (course / "feedback" / "abs_of_mean" / A01 / f"{A01}.html").read_text()
    assert "Known mistake: " + misconceptions.student_line(mistake) in page
    assert "Known mistake" not in (course / "feedback" / "alternative" / A01 / f"{A01}.html").read_text()
    html_report = report.report_html.read_text()
    assert html_report.count(misconceptions.student_line(mistake)) == 1
