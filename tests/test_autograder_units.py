"""Autograder pieces that need no kernel: hidden-test stripping, the scan, notebook filling."""

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from autograder import notebooks
from autograder.feedback import HideHiddenTests, hidden_verdict, strip_hidden_region
from autograder.scan import scan_notebook, scan_source

REPO = Path(__file__).resolve().parents[1]

HIDDEN_CELL = "# Hidden test\n### BEGIN HIDDEN TESTS\nsecret = 42\nassert f(secret) == 1\n### END HIDDEN TESTS"


def grade_cell(source, grade_id, outputs=()):
    cell = new_code_cell(source, outputs=list(outputs))
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": grade_id, "points": 1, "locked": True,
                                 "solution": False, "schema_version": 3}
    return cell


def test_strip_hidden_region_keeps_the_visible_lines_only():
    source, found = strip_hidden_region(HIDDEN_CELL)
    assert found and "secret" not in source and source.startswith("# Hidden test")
    assert strip_hidden_region("x = 1") == ("x = 1", False)


def test_hidden_verdict_gives_the_error_line_without_the_traceback():
    error = new_output("error", ename="CheckFailed", evalue="mae returned 2.0, expected 1.0",
                       traceback=["Traceback ...", "secret = 42", "assert f(secret) == 1"])
    assert hidden_verdict([error]) == "Hidden tests failed: CheckFailed: mae returned 2.0, expected 1.0"
    assert hidden_verdict([new_output("stream", name="stdout", text="secret 42")]) == "Hidden tests passed."


def test_feedback_preprocessor_rewrites_only_hidden_grade_cells():
    error = new_output("error", ename="AssertionError", evalue="", traceback=["secret = 42"])
    visible = grade_cell("assert f(1) == 1", "test_f", [new_output("stream", name="stdout", text="ok\n")])
    nb = new_notebook(cells=[visible, grade_cell(HIDDEN_CELL, "hidden_f", [error])])
    nb, _ = HideHiddenTests().preprocess(nb, {})
    assert nb.cells[0].outputs[0].text == "ok\n"
    assert "secret" not in nbformat.writes(nb.cells[1])
    assert nb.cells[1].outputs[0].text == "Hidden tests failed: AssertionError\n"


def test_scan_flags_patching_exiting_file_access_and_rigged_comparisons():
    code = "\n".join([
        "import os", "np.allclose = lambda *a: True", "sys.exit()", "open('../../source/x')",
        "class F(float):", "    def __eq__(self, o): return True", "%time x = 1", "while True: pass",
    ])
    flagged = " | ".join(str(f) for f in scan_source(code, "mae"))
    for expected in ("imports os", "reassigns np.allclose", "calls exit()", "calls open()",
                     "defines __eq__", "IPython magic", "while True"):
        assert expected in flagged


def test_scan_leaves_ordinary_answers_alone():
    code = "def predict(X, w, b):\n    total = X @ w\n    return total + b\nresult = np.abs(-1)"
    assert scan_source(code, "predict") == []


def test_scan_reads_every_cell_the_student_changed_not_the_given_ones():
    given = new_code_cell("import os  # the course's own setup")
    release = new_notebook(cells=[given])
    submission = new_notebook(cells=[given, new_code_cell("import subprocess")])
    flags = scan_notebook(submission, release)
    assert [f.what for f in flags] == ["imports subprocess"] and flags[0].cell == "cell 2"


def test_defined_names_sees_functions_classes_and_assignments():
    assert notebooks.defined_names("def f(): pass\nclass C: pass\nx = y = 1\nz: int = 2") == {"f", "C", "x", "y", "z"}
    assert notebooks.defined_names("def broken(:") == set()


def test_with_replacement_appends_after_the_answer_and_keeps_the_original():
    cell = new_code_cell("def f():\n    return 1")
    cell.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "f", "locked": False,
                                 "schema_version": 3}
    nb = new_notebook(cells=[cell])
    changed = notebooks.with_replacement(nb, "f", "def f():\n    return 2", "mutant")
    assert changed.cells[0].source.endswith("return 2") and nb.cells[0].source.endswith("return 1")


def test_no_solution_or_catalogued_alternative_is_taken_for_tampering():
    """A hold on honest code would zero a correct student: every correct answer on file scans clean."""
    from autograder.course import assignment_ids

    answers = []
    for assignment_id in assignment_ids(REPO):
        source = notebooks.read(REPO / "source" / assignment_id / f"{assignment_id}.ipynb")
        answers += [(notebooks.grade_id(c), notebooks.without_markers(c.source))
                    for c in source.cells if notebooks.is_solution(c) and c.cell_type == "code"]
    answers += [(p.parent.name, p.read_text()) for p in sorted((REPO / "autograder" / "alternatives").glob("*/*/*.py"))]
    assert len(answers) > 200
    tampering = [f"{name}: {flag}" for name, code in answers for flag in scan_source(code, name) if flag.tampering]
    assert tampering == []


def test_the_scan_takes_these_for_tampering():
    cases = {
        "torch.optim.SGD.step = lambda self, closure=None: None": "reassigns torch.optim.SGD.step",
        "class checks:\n    pass": "rebinds checks",
        "import numpy as torch": "rebinds torch",
        "get_ipython().input_transformers_cleanup.append(lambda lines: [])": "calls get_ipython()",
        "import sys\nsys.modules['dlcourse.checks'] = None": "reassigns sys.modules",
        "setattr(np, 'allclose', lambda *a: True)": "calls setattr()",
        "open('../../source/a/a.ipynb').read()": "calls open()",
        "import ctypes": "imports ctypes",
    }
    for code, what in cases.items():
        flags = scan_source(code, "x")
        assert any(what in f.what and f.tampering for f in flags), (code, [str(f) for f in flags])


def test_ordinary_library_use_is_not_tampering():
    code = ("import torch.nn.functional as F\nfrom torch import nn\n"
            "def f(model, a, b):\n    a[np.argmax(b)] = 1\n    model.eval()\n    return list(model.modules())")
    assert [f for f in scan_source(code, "f") if f.tampering] == []




@pytest.mark.slow
def test_a_second_grading_run_of_the_same_course_is_refused_while_the_first_holds_the_lock(tmp_path):
    from filelock import FileLock

    from autograder.course import CourseError
    from autograder.grade import grade
    from grading_class import A01, make_course

    course = make_course(tmp_path / "course", A01)
    (course / "grading").mkdir(exist_ok=True)
    with FileLock(str(course / "grading" / "grade.lock")):
        with pytest.raises(CourseError, match="Another grading run"):
            grade(course, A01, log=lambda *_: None)


@pytest.mark.slow
def test_the_ledger_fingerprint_changes_with_the_config_the_limits_and_the_source(tmp_path):
    from autograder.grade import Limits, grading_fingerprint
    from grading_class import A01, make_course

    course = make_course(tmp_path / "course", A01)
    first = grading_fingerprint(course, A01, Limits(), 30)
    assert grading_fingerprint(course, A01, Limits(), 30) == first
    assert grading_fingerprint(course, A01, Limits(), 10) != first
    assert grading_fingerprint(course, A01, Limits(memory_bytes=2**30), 30) != first
    with open(course / "nbgrader_config.py", "a") as config:
        config.write("\n# a TA's change\n")
    assert grading_fingerprint(course, A01, Limits(), 30) != first


@pytest.mark.slow
def test_without_a_sandbox_grading_is_refused_unless_the_ta_says_no_sandbox(tmp_path, monkeypatch):
    from autograder import grade as grading
    from autograder.course import CourseError
    from autograder.grade import Limits, grade
    from grading_class import A01, make_course, release, submit

    course = make_course(tmp_path / "course", A01)
    submit(course, A01, "blank", release(course, A01))
    monkeypatch.setattr(grading.sandbox, "available", lambda: "bubblewrap is not installed")
    with pytest.raises(CourseError, match="--no-sandbox"):
        grade(course, A01, log=lambda *_: None, report=False, feedback=False)
    report = grade(course, A01, log=lambda *_: None, report=False, feedback=False, limits_=Limits(isolate=False))
    assert report.sandbox.startswith("off") and report.results[0].status == "graded"


def test_the_sandbox_probe_says_what_to_install_when_bubblewrap_is_missing(monkeypatch):
    from autograder import sandbox

    sandbox.available.cache_clear()
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    try:
        assert "apt-get install bubblewrap" in sandbox.available()
    finally:
        sandbox.available.cache_clear()


@pytest.mark.slow
def test_students_of_a_worker_that_died_are_graded_again_on_fresh_workers(tmp_path, monkeypatch):
    from autograder import grade as grading
    from grading_class import A01, make_course, release, solution, submit

    course = make_course(tmp_path / "course", A01)
    submit(course, A01, "victim", solution(course, A01))
    submit(course, A01, "bystander", release(course, A01))
    real, calls = grading._grade_in_pool, []

    def first_pool_loses_the_victim(todo, workers, context, spec, dirs, finished):
        calls.append(sorted(student for student, _ in todo))
        if len(calls) == 1:  # as if the victim's worker had been killed (the OOM killer, say)
            real([t for t in todo if t[0] != "victim"], workers, context, spec, dirs, finished)
            return {"victim": "the grading worker died (killed)"}
        return real(todo, workers, context, spec, dirs, finished)

    monkeypatch.setattr(grading, "_grade_in_pool", first_pool_loses_the_victim)
    lines = []
    report = grading.grade(course, A01, log=lines.append, workers=2, report=False, feedback=False)
    assert calls == [["bystander", "victim"], ["victim"]]
    scores = {r.student_id: (r.status, r.score) for r in report.results}
    assert scores == {"bystander": ("graded", 0.0), "victim": ("graded", 17.0)}
    assert any("again on fresh workers" in line for line in lines)


def test_the_kernel_launcher_sends_the_kernels_own_output_to_its_log_not_the_terminal(tmp_path):
    import subprocess
    import sys

    from autograder import sandbox

    kernel_dir = sandbox.write_kernelspec(tmp_path, {"memory_bytes": None, "isolate": False})
    launched = subprocess.run(sandbox.LAUNCHER + [str(kernel_dir / "sandbox.json"), "--", sys.executable, "-c",
                                                  "import os, sys; print('banner'); os.write(2, b'\\x1b[2Jraw\\n')"],
                              capture_output=True, text=True, timeout=60)
    assert launched.returncode == 0
    assert launched.stdout == "" and launched.stderr == ""
    assert (kernel_dir / "kernel.log").read_text() == "banner\n\x1b[2Jraw\n"


def test_metadata_is_validated_the_same_with_each_schema_checked_once():
    import copy

    import jsonschema
    from nbgrader.nbgraderformat import MetadataValidator

    from autograder.grade import _check_each_schema_once

    nb = notebooks.read(REPO / "source" / "a01_models_and_loss" / "a01_models_and_loss.ipynb")
    _check_each_schema_once()
    MetadataValidator().validate_nb(nb)
    bad = copy.deepcopy(nb)
    graded = next(c for c in bad.cells if notebooks.nbgrader_meta(c).get("grade"))
    graded.metadata.nbgrader["points"] = "many"
    with pytest.raises(jsonschema.ValidationError, match="'many' is not of type 'number'"):
        MetadataValidator().validate_nb(bad)
