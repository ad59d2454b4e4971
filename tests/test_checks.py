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
    with pytest.raises(AssertionError, match=re.escape("mae returned 1.5, expected 1.0 (difference 0.5)")):
        checks.check_float(1.5, 1.0, "mae")


@pytest.mark.parametrize("value", [1, np.float32(1.0), np.array(1.0), "1.0", None])
def test_check_float_rejects_other_types_with_a_hint(value):
    with pytest.raises(AssertionError, match="should return a float"):
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
    with pytest.raises(AssertionError, match=r"predict\[2\] is 7\.3, expected 6\.8"):
        checks.check_array(np.array([5.5, 6.2, 7.3]), [5.5, 6.2, 6.8], "predict")


def test_check_array_reports_shape_before_values():
    with pytest.raises(AssertionError, match=r"shape \(3, 1\), expected shape \(3,\)"):
        checks.check_array(np.zeros((3, 1)), np.zeros(3), "predict")


def test_check_array_rejects_lists_subclasses_and_integer_dtype():
    with pytest.raises(AssertionError, match="numpy array"):
        checks.check_array([1.0, 2.0], [1.0, 2.0], "f")
    with pytest.raises(AssertionError, match="numpy array"):
        checks.check_array(np.ma.array([1.0, 2.0]), [1.0, 2.0], "f")
    with pytest.raises(AssertionError, match="dtype"):
        checks.check_array(np.array([1, 2]), [1.0, 2.0], "f")


def test_check_array_accepts_empty_arrays_of_the_right_shape():
    checks.check_array(np.zeros((0, 4)), np.zeros((0, 4)), "add_bias_column")


def test_check_unchanged_detects_in_place_edits():
    original = np.arange(3.0)
    before = checks.frozen_copy(original)
    original[0] = 9
    with pytest.raises(AssertionError, match="modified its input"):
        checks.check_unchanged(before, original, "predict")


def test_check_choice_ignores_case_and_spaces_and_lists_the_options():
    checks.check_choice(" Regression ", ["regression", "binary"], "a")
    with pytest.raises(AssertionError, match="binary, regression"):
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
