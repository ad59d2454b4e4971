"""dlcourse.checks: the comparisons every test cell uses, and their messages."""

import builtins
import re

import numpy as np
import pytest

from dlcourse import checks


def test_check_float_accepts_python_and_numpy_floats_within_tolerance():
    checks.check_float(1.0 + 1e-12, 1.0, "f")
    checks.check_float(np.float64(2.5), 2.5, "f")


def test_check_float_message_shows_expected_and_received():
    with pytest.raises(AssertionError, match=re.escape("mae: got 1.5, expected 1.0.\nThe difference is 0.5.")):
        checks.check_float(1.5, 1.0, "mae")


@pytest.mark.parametrize("value", [1, np.float32(1.0), np.array(1.0), "1.0", None])
def test_check_float_rejects_other_types_with_a_hint(value):
    with pytest.raises(AssertionError, match="not a float"):
        checks.check_float(value, 1.0, "mae")


def test_check_float_rejects_a_float_subclass_that_compares_equal_to_anything():
    class Always(float):
        def __eq__(self, other):
            return True

        __lt__ = __le__ = __gt__ = __ge__ = __eq__

    with pytest.raises(AssertionError, match="Always"):
        checks.check_float(Always(0.0), 1.0, "mae")


def test_check_float_rejects_nan():
    with pytest.raises(AssertionError, match="nan"):
        checks.check_float(float("nan"), 1.0, "mse")


def test_check_array_names_the_first_wrong_index():
    with pytest.raises(AssertionError, match=r"predict at index 2: got 7\.3, expected 6\.8\."):
        checks.check_array(np.array([5.5, 6.2, 7.3]), [5.5, 6.2, 6.8], "predict")


def test_check_array_reports_shape_before_values():
    with pytest.raises(AssertionError, match=r"shape \(3, 1\), expected \(3,\)"):
        checks.check_array(np.zeros((3, 1)), np.zeros(3), "predict")


def test_check_array_rejects_lists_subclasses_and_integer_dtype():
    with pytest.raises(AssertionError, match="numpy array"):
        checks.check_array([1.0, 2.0], [1.0, 2.0], "f")
    with pytest.raises(AssertionError, match="numpy array"):
        checks.check_array(np.ma.array([1.0, 2.0]), [1.0, 2.0], "f")
    with pytest.raises(AssertionError, match="holds integers, not floats"):
        checks.check_array(np.array([1, 2]), [1.0, 2.0], "f")


def test_check_array_accepts_empty_arrays_of_the_right_shape():
    checks.check_array(np.zeros((0, 4)), np.zeros((0, 4)), "add_bias_column")


def test_check_unchanged_detects_in_place_edits():
    original = np.arange(3.0)
    before = checks.frozen_copy(original)
    original[0] = 9
    with pytest.raises(AssertionError, match="changed its input array in place"):
        checks.check_unchanged(before, original, "predict")


def test_check_choice_ignores_case_and_spaces_and_lists_the_options():
    checks.check_choice(" Regression ", ["regression", "binary"], "a")
    with pytest.raises(AssertionError, match="Allowed: binary, regression"):
        checks.check_choice("linear", ["regression", "binary"], "a")


def test_environment_intact_notices_patched_numpy_and_builtins(monkeypatch):
    checks.environment_intact()
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    with pytest.raises(AssertionError, match="numpy.allclose was replaced"):
        checks.environment_intact()
    monkeypatch.undo()
    monkeypatch.setattr(builtins, "abs", lambda x: 0)
    with pytest.raises(AssertionError, match="builtins.abs was replaced"):
        checks.environment_intact()


def test_checks_still_judge_correctly_after_numpy_is_patched(monkeypatch):
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    monkeypatch.setattr(np, "abs", lambda x: np.zeros_like(x))
    with pytest.raises(AssertionError):
        checks.check_array(np.array([1.0, 2.0]), [1.0, 3.0], "f")


def test_a_failed_check_in_a_notebook_shows_the_tests_line_and_not_the_checks_module():
    import subprocess
    import sys

    script = (
        "import io, contextlib, re\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):\n"
        "    shell.run_cell('from dlcourse import checks')\n"
        "    result = shell.run_cell('checks.check_float(2.0, 1.0, \"mae(y, y_hat)\")')\n"
        "print(re.sub(r'\\x1b\\[[0-9;]*m', '', out.getvalue()))\n"
        "print('error_in_exec:', type(result.error_in_exec).__name__)\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120).stdout
    assert "checks.check_float(2.0, 1.0" in shown and "CheckFailed: mae(y, y_hat): got 2.0, expected 1.0." in shown
    assert "checks.py" not in shown and "_fail" not in shown
    assert "error_in_exec: CheckFailed" in shown  # still an error: nbgrader scores the cell 0


def test_first_lines_of_check_messages_are_short_sentences():
    name = "predict(X_houses, [0.1, 0.3, 3], 0.5)"
    cases = [lambda: checks.check_float(np.array([1.0]), 1.0, name), lambda: checks.check_float(2.0, 1.0, name),
             lambda: checks.check_array([1.0], [1.0], name), lambda: checks.check_array(np.zeros(2), np.zeros(3), name),
             lambda: checks.check_array(np.array([1, 2]), [1.0, 2.0], name, kind="f"),
             lambda: checks.check_array(np.array([1.0, 2.5]), [1.0, 2.0], name),
             lambda: checks.check_unchanged(np.zeros(2), np.ones(2), name),
             lambda: checks.check_choice(3, ["a"], name), lambda: checks.check_choice("b", ["a"], name)]
    for case in cases:
        with pytest.raises(AssertionError) as failed:
            case()
        first = str(failed.value).split("\n")[0]
        assert len(first) <= 90 and first.endswith(".") and "dtype" not in first and "kind" not in first, first


def test_relies_on_names_the_broken_piece_only_when_the_exercise_fails_too():
    def good_piece():
        checks.check_float(1.0, 1.0, "mse(...)")

    def bad_piece():
        checks.check_float(2.0, 1.0, "mse(...)")

    with checks.relies_on(mse=bad_piece):  # the exercise passes: a broken piece it may not use is no concern
        checks.check_float(3.0, 3.0, "rmse(...)")
    with pytest.raises(AssertionError, match="This builds on mse, which fails its own test: fix mse first."):
        with checks.relies_on(mse=bad_piece):
            checks.check_float(3.0, 1.0, "rmse(...)")
    with pytest.raises(AssertionError, match=r"^rmse\(\.\.\.\): got 3\.0"):  # the pieces are fine: its own message
        with checks.relies_on(mse=good_piece):
            checks.check_float(3.0, 1.0, "rmse(...)")


def test_check_equal_compares_exact_values_and_accepts_numpy_integers():
    checks.check_equal([4, 4, 2], [4, 4, 2], "the sizes of the batches")
    checks.check_equal(np.int64(1), 1, "best_epoch")
    with pytest.raises(AssertionError, match=r"^the sizes of the batches is \[4, 4, 4\], expected \[4, 4, 2\]\.$"):
        checks.check_equal([4, 4, 4], [4, 4, 2], "the sizes of the batches")
    with pytest.raises(AssertionError):
        checks.check_equal(True, 1, "best_epoch")  # a bool is not an index


def test_calling_turns_an_error_in_the_students_code_into_a_sentence_that_names_the_call():
    def overflowing_sigmoid(z):
        return 1 / (1 + np.exp(-z))

    with pytest.raises(AssertionError) as failed:
        with np.errstate(over="raise"), checks.calling("sigmoid([-1000, 1000])", hint="Never exp a large number."):
            overflowing_sigmoid(np.array([-1000.0, 1000.0]))
    first, second = str(failed.value).split("\n")
    assert first == "sigmoid([-1000, 1000]) raised FloatingPointError: overflow encountered in exp."
    assert second == "Never exp a large number."
    assert type(failed.value.__cause__) is FloatingPointError  # the student's traceback stays above
    with checks.calling("sigmoid(0)"):  # no error: nothing happens
        overflowing_sigmoid(np.array([0.0]))


def test_calling_names_the_known_mistake_that_raises_the_same_error_whatever_its_class():
    class ShapeError(ValueError):
        pass

    def raise_it():
        raise ShapeError("shapes (3,1) and (2,3) not aligned")

    key = checks.fingerprint("collapse(...)", ("raised", "ValueError", "ShapeError: shapes (3,1) and (2,3) not aligned"))
    checks.use_misconceptions({key: ["This is what comes out when the layers are multiplied last to first."]})
    try:
        with pytest.raises(AssertionError) as failed:
            with checks.calling("collapse(...)"):
                raise_it()
        # the grader's judge passes a student's ShapeError on as ValueError("ShapeError: ..."): same fingerprint
        with pytest.raises(AssertionError) as judged:
            with checks.calling("collapse(...)"):
                raise ValueError("ShapeError: shapes (3,1) and (2,3) not aligned")
    finally:
        checks.use_misconceptions(None)
    for error in (failed.value, judged.value):
        assert checks.known_mistake(str(error)) == "This is what comes out when the layers are multiplied last to first."


def test_calling_lets_the_graders_own_signals_through():
    class JudgeTimeout(Exception):
        judge_signal = True

    with pytest.raises(JudgeTimeout):
        with checks.calling("fit(...)"):
            raise JudgeTimeout("your code ran past the time limit")


def test_check_true_fails_with_its_sentence_unless_the_condition_is_exactly_true():
    checks.check_true(True, "unfreeze_all returns its model", "unfreeze_all should return the model it was given.")
    checks.check_true(np.bool_(True), "a numpy yes", "A numpy True counts.")
    for value in (False, None, 1, "yes"):
        with pytest.raises(AssertionError, match=r"^unfreeze_all should return the model it was given\.$"):
            checks.check_true(value, "unfreeze_all returns its model", "unfreeze_all should return the model it was given.")
