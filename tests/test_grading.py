"""The attack suite: a class of hostile submissions graded in parallel, each as it deserves.

Every attacker otherwise submits the solution, so what the attack costs or wins is exactly the
points of the exercise it targets (and, for a kernel that dies, what could not run after it).
"""

from __future__ import annotations

import csv
import sqlite3
import sys
from pathlib import Path

import pytest

from autograder import notebooks, sandbox
from autograder.course import notebook_path
from autograder.grade import Limits, grade
from grading_class import A01, REPO, fingerprints, make_course, release, replaced, solution, submit

pytestmark = pytest.mark.slow
FULL = {"problem_types": 3.0, "predict": 3.0, "mae": 2.0, "mse": 2.0, "rmse": 2.0, "add_bias_column": 2.0,
        "vocabulary_answers": 3.0}
SANDBOX = sandbox.available()


def attacks(course):
    """Student id -> the notebook they submit."""
    sol = solution(course, A01)
    gradebook = course / "gradebook.db"
    source = notebook_path(course / "source", A01)
    out = {
        "correct": sol,
        "blank": release(course, A01),
        "infinite_loop": replaced(sol, mae="def mae(y_true, y_pred):\n    while True:\n        pass"),
        "sys_exit": replaced(sol, mse="def mse(y_true, y_pred):\n    import sys\n    sys.exit(0)"),
        "os_exit": replaced(sol, rmse="def rmse(y_true, y_pred):\n    import os\n    os._exit(1)"),
        "segfault": replaced(sol, add_bias_column=(
            "def add_bias_column(X):\n    import ctypes\n    return ctypes.string_at(0)")),
        # bytes(n) is calloc'd, so the bomb reaches the 2 GiB limit at once. A bomb that writes its pages
        # (bytearray) meets the same limit, but page faults alone took 9 s here: the cell timeout won the race.
        "memory_bomb": replaced(sol, mse=(
            "def mse(y_true, y_pred):\n    hog = []\n    while True:\n        hog.append(bytes(10**8))")),
        "output_flood": replaced(sol, mae="def mae(y_true, y_pred):\n    while True:\n        print('spam' * 100)"),
        "edited_test": replaced(sol, mae="def mae(y_true, y_pred):\n    return 0.0"),
        "patched_numpy": replaced(sol, mae=(
            "def mae(y_true, y_pred):\n    return float(np.mean(y_true - y_pred))\n"
            "np.allclose = lambda *args, **kwargs: True\nnp.isclose = np.allclose")),
        "rigged_eq": replaced(sol, mae=(
            "class Always(float):\n    def __eq__(self, other):\n        return True\n"
            "    def __lt__(self, other):\n        return True\n    __le__ = __gt__ = __ge__ = __ne__ = __lt__\n"
            "def mae(y_true, y_pred):\n    return Always(0.0)")),
        "reads_hidden_tests": replaced(sol, mae=(
            "def mae(y_true, y_pred):\n    return 0.0\n"
            "import json\n"
            f"_cells = json.load(open({str(source)!r}))['cells']\n"
            "_answer = next(''.join(c['source']) for c in _cells if c['metadata'].get('nbgrader', {}).get('grade_id') == 'mae')\n"
            "exec(_answer)")),
        "writes_gradebook": replaced(sol, mae=(
            "import sqlite3\n"
            f"open({str(gradebook)!r}, 'ab').write(b'all my grades are full marks')\n"
            f"_db = sqlite3.connect({str(gradebook)!r})\n"
            "_db.execute('UPDATE grade SET manual_score = 100'); _db.commit()")),
        "uses_network": replaced(sol, mae=(
            "import socket\n"
            "def mae(y_true, y_pred):\n"
            "    socket.create_connection(('1.1.1.1', 53), timeout=3).close()\n"
            "    return float(np.mean(np.abs(y_true - y_pred)))")),
        "silences_tests": replaced(sol, mae=(
            "def mae(y_true, y_pred):\n    return 0.0\n"
            "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])")),
        # Reaching IPython without the name get_ipython, through the package.
        "silences_tests_via_ipython": replaced(sol, mae=(
            "def mae(y_true, y_pred):\n    return 0.0\n"
            "import IPython as _ip\n"
            "_ip.get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])")),
        # The checks module under other names: its failure function and its checks replaced.
        "checks_alias": replaced(sol, mae=(
            "import dlcourse.checks as c\n"
            "c._fail = lambda message: None\n"
            "c.check_float = lambda *args, **kwargs: None\n"
            "def mae(y_true, y_pred):\n    return 0.0")),
        "checks_setattr": replaced(sol, mae=(
            "_m = checks\n"
            "type(_m).__setattr__(_m, 'check_float', lambda *args, **kwargs: None)\n"
            "type(_m).__setattr__(_m, 'CheckFailed', type('Never', (Exception,), {}))\n"
            "def mae(y_true, y_pred):\n    return 0.0")),
        # A float that equals everything, whose __float__ walks the caller's frames for `expected`.
        "frame_walker": replaced(sol, mae=(
            "import sys as _sys\n"
            "class _Meta(type):\n    def __eq__(cls, other):\n        return True\n    __hash__ = type.__hash__\n"
            "def _steal(self):\n"
            "    try:\n        raise RuntimeError\n"
            "    except RuntimeError as e:\n        frame = e.__traceback__.tb_frame\n"
            "    while frame is not None:\n"
            "        if 'expected' in frame.f_locals:\n            return float(frame.f_locals['expected'])\n"
            "        frame = frame.f_back\n"
            "    return 0.0\n"
            "Sneaky = _Meta('Sneaky', (float,), {'__float__': lambda self: _steal(self), '__eq__': lambda s, o: True})\n"
            "def mae(y_true, y_pred):\n    return Sneaky(0.0)")),
    }
    # Writing where later runs would pick it up: the course library, the course's config (run by
    # every nbgrader command), the virtual environment, the home folder; a huge file; undoing the
    # sandbox's mounts. Each defines a wrong mae and then tries; the sandbox must stop all of it.
    wrong = "def mae(y_true, y_pred):\n    return 0.0\n"
    targets = {"writes_library": REPO / "dlcourse" / "pwned.py", "writes_config": course / "nbgrader_config.py",
               "writes_venv": Path(sys.prefix) / "lib" / "pwned.pth", "writes_home": Path.home() / ".pwned"}
    for student, target in targets.items():
        out[student] = replaced(sol, mae=wrong + f"open({str(target)!r}, 'a').write('import os  # pwned')")
    out["big_file"] = replaced(sol, mae=wrong + (
        "with open('big.bin', 'wb') as _f:\n    for _ in range(512):\n        _f.write(b'x' * 2**20)"))
    out["unmounts"] = replaced(sol, mae=wrong + (
        "import ctypes\n"
        "_libc = ctypes.CDLL(None, use_errno=True)\n"
        "for _path in (b'/work', b'/usr', b'/tmp', b'/'):\n    _libc.umount2(_path, 2)\n"
        f"print(open({str(source)!r}).read()[:10])"))
    deleted = replaced(sol, predict="def predict(X, w, b):\n    return np.zeros(len(X))")
    deleted.cells = [c for c in deleted.cells if notebooks.grade_id(c) not in ("test_predict", "hidden_predict")]
    out["deleted_test"] = deleted
    edited = out["edited_test"]
    for cell in edited.cells:
        if notebooks.grade_id(cell) in ("test_mae", "hidden_mae"):
            cell.source = "pass  # the student's own 'test'"
    return out


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("attacks"), A01, cell_timeout=5)
    for student, nb in attacks(course).items():
        submit(course, A01, student, nb)
    broken = notebook_path(course / "submitted" / "malformed", A01)
    broken.parent.mkdir(parents=True)
    broken.write_text('{"cells": [ this is not json')
    before = fingerprints(course / "submitted")
    tree_before = course_tree(course)
    report = grade(course, A01, log=lambda *_: None, workers=3,
                   limits_=Limits(submission_timeout=60, memory_bytes=2 * 2**30, output_bytes=200_000))
    return course, report, before, tree_before


def course_tree(course):
    """Fingerprints of everything a submission must not change: the course's own files, the
    library, the environment's site-packages .pth files, the home folder's top level."""
    prints = {p: h for p, h in fingerprints(course).items()
              if p.relative_to(course).parts[0] in ("source", "release", "nbgrader_config.py")}
    prints.update({p: h for p, h in fingerprints(REPO / "dlcourse").items() if "__pycache__" not in p.parts})
    prints.update({p: "" for p in (Path(sys.prefix) / "lib").glob("*.pth")})
    prints.update({p: "" for p in Path.home().glob(".pwned*")})
    return prints


def result(report, student):
    return next(r for r in report.results if r.student_id == student)


def exercises(report, student) -> dict[str, float]:
    return {name: score for name, (score, _) in result(report, student).exercises.items()}


def expect(lost: dict[str, float] | tuple[str, ...]) -> dict[str, float]:
    """Full marks except the named exercises, which score 0."""
    return {name: (0.0 if name in lost else points) for name, points in FULL.items()}


def test_the_solution_scores_full_marks_and_the_blank_release_zero(graded):
    _, report, _, _ = graded
    assert result(report, "correct").score == 17.0 and not result(report, "correct").reasons
    assert result(report, "blank").score == 0.0 and result(report, "blank").status == "graded"


def test_a_written_answer_waits_for_a_ta_and_a_blank_one_does_not(graded):
    _, report, _, _ = graded
    assert result(report, "correct").written == ["written_outlier_loss"]
    assert result(report, "blank").written == []
    assert "written answers to grade by hand (formgrader, Manual Grading)" in report.format()


def test_an_infinite_loop_loses_its_exercise_after_the_cell_timeout(graded):
    _, report, _, _ = graded
    assert exercises(report, "infinite_loop") == expect(("mae",))
    assert any("ran past the 5 s cell timeout" in why for why in result(report, "infinite_loop").limits)


def test_sys_exit_in_an_answer_loses_that_exercise_only(graded):
    _, report, _, _ = graded
    assert exercises(report, "sys_exit") == expect(("mse",))


@pytest.mark.parametrize("student, dead_from", [("os_exit", "rmse"), ("segfault", "add_bias_column")])
def test_a_dying_kernel_keeps_what_ran_and_zeroes_the_rest(graded, student, dead_from):
    _, report, _, _ = graded
    order = list(FULL)
    lost = tuple(order[order.index(dead_from):])
    assert result(report, student).status == "graded"
    assert exercises(report, student) == expect(lost)
    assert any("the kernel died" in why for why in result(report, student).limits)


def test_a_memory_bomb_meets_the_memory_limit_and_loses_its_exercise(graded):
    course, report, _, _ = graded
    assert exercises(report, "memory_bomb") == expect(("mse",))
    graded_nb = notebooks.read(notebook_path(course / "autograded" / "memory_bomb", A01))
    errors = [o.get("ename") for c in graded_nb.cells if notebooks.grade_id(c) == "test_mse" for o in c.outputs]
    assert "MemoryError" in errors


def test_an_output_flood_is_cut_while_it_streams_and_loses_its_exercise(graded):
    course, report, _, _ = graded
    assert exercises(report, "output_flood") == expect(("mae",))
    path = notebook_path(course / "autograded" / "output_flood", A01)
    assert path.stat().st_size < 2_000_000
    assert any("printed more than 200,000 bytes" in why for why in result(report, "output_flood").limits)


def test_deleted_and_edited_test_cells_earn_nothing(graded):
    _, report, _, _ = graded
    assert exercises(report, "deleted_test")["predict"] == 0.0
    assert exercises(report, "edited_test") == expect(("mae",))  # nbgrader restores the test cells


def test_monkeypatched_numpy_changes_nothing_the_judge_uses(graded):
    # The wrong mae (signed errors) loses its tests (the visible one's errors of both signs, and
    # the hidden one); the patched np.allclose lives in the kernel, where no check runs, so
    # nothing else is lost and nothing is held.
    _, report, _, _ = graded
    assert exercises(report, "patched_numpy") == expect(("mae",))
    assert result(report, "patched_numpy").held == []
    assert any("np.allclose" in str(f) for f in result(report, "patched_numpy").flags)


@pytest.mark.parametrize("student", ["checks_alias", "checks_setattr", "frame_walker"])
def test_tampering_with_checks_or_values_from_the_kernel_earns_nothing(graded, student):
    _, report, _, _ = graded
    assert exercises(report, student) == expect(("mae",))
    assert result(report, student).held == []


def test_a_value_whose_eq_always_says_true_is_rejected(graded):
    _, report, _, _ = graded
    assert exercises(report, "rigged_eq")["mae"] == 0.0
    assert exercises(report, "rigged_eq")["predict"] == 3.0


def test_reading_the_hidden_tests_and_solutions_earns_nothing(graded):
    course, report, _, _ = graded
    assert exercises(report, "reads_hidden_tests")["mae"] == 0.0
    if SANDBOX is None:  # the kernel found no source/ to read
        graded_nb = notebooks.read(notebook_path(course / "autograded" / "reads_hidden_tests", A01))
        answer = next(c for c in graded_nb.cells if notebooks.grade_id(c) == "mae")
        assert any(o.get("ename") in ("FileNotFoundError", "PermissionError", "IsADirectoryError")
                   for o in answer.outputs)


@pytest.mark.skipif(SANDBOX is not None, reason=f"no sandbox here: {SANDBOX}")
def test_student_code_has_no_network(graded):
    course, report, _, _ = graded
    assert exercises(report, "uses_network") == expect(("mae",))
    assert result(report, "uses_network").held == []  # trying is not tampering; it just fails
    graded_nb = notebooks.read(notebook_path(course / "autograded" / "uses_network", A01))
    test_cell = next(c for c in graded_nb.cells if notebooks.grade_id(c) == "test_mae")
    assert any("Network is unreachable" in str(o.get("evalue", "")) for o in test_cell.outputs)


@pytest.mark.skipif(SANDBOX is not None, reason=f"no sandbox here: {SANDBOX}")
def test_writing_into_the_gradebook_changes_nothing(graded):
    course, report, _, _ = graded
    with sqlite3.connect(course / "gradebook.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM grade WHERE manual_score = 100").fetchone()[0] == 0
    assert result(report, "writes_gradebook").score == 17.0  # the attack failed; its own answers stand
    assert result(report, "correct").score == 17.0


@pytest.mark.parametrize("student", ["silences_tests", "silences_tests_via_ipython"])
def test_code_that_rewrites_later_cells_earns_nothing_for_them(graded, student):
    # The rewritten cells never let the judge in: their tests fail at once (no cell timeout spent).
    _, report, _, _ = graded
    assert result(report, student).score == 6.0  # problem_types and predict ran before it
    assert result(report, student).held == []
    assert result(report, student).seconds < 20


def test_an_unreadable_submission_is_reported_and_the_class_is_graded(graded):
    _, report, _, _ = graded
    assert result(report, "malformed").status == "malformed"
    assert "resubmit" in result(report, "malformed").message
    assert all(r.status == "graded" for r in report.results if r.student_id != "malformed")


def test_the_sandbox_is_used_where_the_os_allows_it(graded):
    _, report, _, _ = graded
    assert report.sandbox == ("on" if SANDBOX is None else f"off ({SANDBOX})")


def test_ordinary_answers_are_never_held(graded):
    _, report, _, _ = graded
    for student in ("correct", "blank", "infinite_loop", "memory_bomb", "edited_test", "deleted_test"):
        assert result(report, student).held == [], student


def test_submissions_are_never_modified(graded):
    course, _, before, _ = graded
    assert fingerprints(course / "submitted") == before


def test_grades_csv_and_the_report_list_the_class(graded):
    course, report, _, _ = graded
    with open(report.csv_path, newline="") as f:
        rows = {row["student_id"]: float(row["score"]) for row in csv.DictReader(f) if row["assignment"] == A01}
    assert rows == {r.student_id: r.score for r in report.results if r.status == "graded"}
    html = report.report_html.read_text()
    for student in ("os_exit", "output_flood", "patched_numpy", "malformed"):
        assert student in html
    assert "the kernel died" in html


@pytest.mark.browser
def test_the_report_of_the_attacked_class_in_chromium(graded):
    """The TA's page for this class, screenshot in tests/artifacts/report/report_attack_class.png."""
    import browser

    reason = browser.missing_browser_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    _, report, _, _ = graded
    artifacts = REPO / "tests" / "artifacts" / "report"
    artifacts.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = browser.launch_chromium(p)
        try:
            page = chromium.new_context(viewport=browser.VIEWPORT).new_page()
            page.goto(report.report_html.as_uri(), wait_until="load", timeout=30_000)
            page.screenshot(path=str(artifacts / "report_attack_class.png"), full_page=True)
            review = page.inner_text("body")
        finally:
            chromium.close()
    for student in ("os_exit", "segfault", "memory_bomb", "output_flood", "patched_numpy", "malformed"):
        assert student in review


def test_the_submission_time_limit_stops_the_run_and_zeroes_what_did_not_finish(tmp_path):
    course = make_course(tmp_path / "course", A01, cell_timeout=5)
    sol = solution(course, A01)
    submit(course, A01, "slow", replaced(sol, mae="def mae(y_true, y_pred):\n    while True:\n        pass"))
    report = grade(course, A01, log=lambda *_: None, workers=1, report=False,
                   limits_=Limits(submission_timeout=8))
    slow = report.results[0]
    assert slow.status == "graded"
    assert exercises(report, "slow")["predict"] == 3.0  # ran before the limit
    assert exercises(report, "slow")["vocabulary_answers"] == 0.0  # never ran
    assert any("ran past its 8 s time limit" in why for why in slow.limits)
    assert slow.seconds < 8 + 10  # the limit, plus kernel start and the gradebook


@pytest.mark.skipif(SANDBOX is not None, reason=f"no sandbox here: {SANDBOX}")
@pytest.mark.parametrize("student", ["writes_library", "writes_config", "writes_venv", "writes_home", "big_file",
                                     "unmounts"])
def test_writing_outside_the_scratch_or_undoing_the_sandbox_fails_and_earns_nothing(graded, student):
    _, report, _, _ = graded
    assert exercises(report, student) == expect(("mae",))


@pytest.mark.skipif(SANDBOX is not None, reason=f"no sandbox here: {SANDBOX}")
def test_the_course_tree_is_unchanged_after_grading_the_attack_class(graded):
    course, _, _, tree_before = graded
    assert course_tree(course) == tree_before
    assert not (REPO / "dlcourse" / "pwned.py").exists()


@pytest.mark.skipif(SANDBOX is not None, reason=f"no sandbox here: {SANDBOX}")
def test_files_a_submission_writes_are_not_copied_into_autograded(graded):
    course, _, _, _ = graded
    folder = course / "autograded" / "big_file" / A01
    assert sorted(p.name for p in folder.iterdir()) == [f"{A01}.ipynb"]
