"""Checks for the notebooks' test cells: tolerant comparisons whose messages teach.

A failing check says what was expected, what came back, and where to look. Visible and hidden
tests use the same checks, so a student sees the same kind of message the grader sees.

Why the captured names below: the first (read-only) cell of every assignment imports this
module *before* any student code runs. The checks then use the numpy and builtin functions
captured here, so a submission that later patches `np.allclose`, `builtins.abs` or `float`
cannot change a verdict, and `environment_intact()` can tell that something was patched. Values
are checked for their exact type first: a float subclass whose comparisons always succeed, or an
ndarray subclass with a rigged `__eq__`, is rejected before any comparison is made.
"""

from __future__ import annotations

import builtins
import math
import sys
import types

import numpy as np

# Captured at import, before student code runs (see the module docstring).
_type = builtins.type
_isinstance = builtins.isinstance
_len = builtins.len
_repr = builtins.repr
_float = builtins.float
_tuple = builtins.tuple
_ndarray = np.ndarray
_float64 = np.float64
_isfinite = np.isfinite
_abs = np.absolute
_subtract = np.subtract
_array_equal = np.array_equal
_argmax = np.argmax
_unravel = np.unravel_index
_all = np.all
_copy = np.copy
_math_isfinite = math.isfinite
_ORIGINALS = {
    (builtins, "abs"): builtins.abs,
    (builtins, "float"): builtins.float,
    (builtins, "isinstance"): builtins.isinstance,
    (builtins, "type"): builtins.type,
    (builtins, "len"): builtins.len,
    (builtins, "sum"): builtins.sum,
    (builtins, "round"): builtins.round,
    (np, "allclose"): np.allclose,
    (np, "isclose"): np.isclose,
    (np, "array_equal"): np.array_equal,
    (np, "asarray"): np.asarray,
    (np, "array"): np.array,
    (np, "abs"): np.abs,
    (np, "mean"): np.mean,
    (np, "sum"): np.sum,
    (np, "sqrt"): np.sqrt,
    (np, "ndarray"): np.ndarray,
    (np, "float64"): np.float64,
    (math, "isclose"): math.isclose,
    (math, "sqrt"): math.sqrt,
}

FLOAT_TYPES = (float, np.float64)


def _guarded_namespaces() -> list[tuple[str, object]]:
    """Modules and classes whose functions the tests (and their references) call.

    torch's are included when the notebook imported torch before this module, as weeks 6-8 do:
    a patched `torch.allclose` or `torch.optim.Adam.step` would corrupt the references the hidden
    tests compare with.
    """
    spaces = [("numpy", np), ("numpy.linalg", np.linalg), ("math", math)]
    torch = sys.modules.get("torch")
    if torch is not None:
        spaces += [("torch", torch), ("torch.Tensor", torch.Tensor), ("torch.nn.functional", torch.nn.functional),
                   ("torch.nn.Module", torch.nn.Module), ("torch.autograd", torch.autograd),
                   ("torch.nn.init", torch.nn.init)]
        spaces += [(f"torch.optim.{name}", getattr(torch.optim, name))
                   for name in ("Optimizer", "SGD", "Adam", "RMSprop")]
    return spaces


def _snapshot() -> list[tuple[str, object, str, object]]:
    """(label, namespace, attribute, value) for every function and class in the guarded namespaces."""
    entries = []
    for label, space in _guarded_namespaces():
        for name, value in list(vars(space).items()):
            if callable(value) and not _isinstance(value, types.ModuleType):
                entries.append((label, space, name, value))
    return entries


_SNAPSHOT = _snapshot()
_TORCH_DIR = (sys.modules["torch"].__file__ or "").rsplit("/", 1)[0] + "/" if "torch" in sys.modules else None


def _same_or_torch_wrapper(current, original) -> bool:
    """True if `current` is `original`, or torch's own wrapper of it.

    torch rewraps a few functions when a part of it loads lazily (importing torch._dynamo wraps
    torch.manual_seed to keep the compiler out of it). Such a wrapper has `__wrapped__` leading to
    the original and code that lives in torch's folder; a student's replacement has neither.
    """
    if current is original:
        return True
    if _TORCH_DIR is None:
        return False
    seen = current
    for _ in range(8):
        code = getattr(seen, "__code__", None)
        if code is None or not code.co_filename.startswith(_TORCH_DIR):
            return False
        seen = getattr(seen, "__wrapped__", None)
        if seen is original:
            return True
        if seen is None:
            return False
    return False


class CheckFailed(AssertionError):
    """A test cell's check failed; the message says what was expected and what came back."""


def _fail(message: str) -> None:
    raise CheckFailed(message)


def environment_intact() -> None:
    """Fail if a numpy, math, torch or builtins function the tests rely on was replaced."""
    replaced = [f"{module.__name__}.{name}" for (module, name), original in _ORIGINALS.items()
                if getattr(module, name, None) is not original]
    replaced += [f"{label}.{name}" for label, space, name, value in _SNAPSHOT
                 if not _same_or_torch_wrapper(vars(space).get(name), value)]
    if replaced:
        _fail(
            f"{replaced[0]} was replaced after the notebook started. "
            "Graded code must not modify numpy, torch, math or Python's builtins; "
            "restart the kernel and remove the code that reassigns it."
        )


def check_float(value, expected: float, name: str, rtol: float = 1e-7, atol: float = 1e-9) -> None:
    """Check that `value` is a Python or numpy float within tolerance of `expected`.

    Example message: "mae(...) returned 1.5, expected 1.0 (difference 0.5)".
    """
    if _type(value) not in FLOAT_TYPES:
        _fail(
            f"{name} should return a float, got {_type(value).__name__} ({_repr(value)[:80]}). "
            "Hint: wrap a numpy result with float(...)."
        )
    value = _float(value)
    if not _math_isfinite(value):
        _fail(f"{name} returned {value}, expected the finite value {expected!r}.")
    diff = value - expected
    if diff < 0:
        diff = -diff
    if diff > atol + rtol * (expected if expected >= 0 else -expected):
        _fail(f"{name} returned {value!r}, expected {expected!r} (difference {diff:.3g}).")


def check_array(
    value,
    expected,
    name: str,
    rtol: float = 1e-7,
    atol: float = 1e-9,
    kind: str = "f",
) -> None:
    """Check that `value` is a numpy array shaped and valued like `expected`.

    kind: the dtype kinds accepted, e.g. "f" for floats, "iu" for integers, "fiu" for either.
    Messages name the first mismatching index, e.g.
    "predict(...)[2] is 7.3, expected 6.8 (shape (3,) as expected)".
    """
    expected = np.array(expected, dtype=float if "f" in kind else None)
    if _type(value) is not _ndarray:
        _fail(
            f"{name} should return a numpy array (np.ndarray), got {_type(value).__name__}. "
            "Hint: build the result with numpy operations or np.array(...)."
        )
    if value.shape != expected.shape:
        _fail(
            f"{name} has shape {value.shape}, expected shape {expected.shape}. "
            "Hint: print the shapes of your intermediate arrays."
        )
    if value.dtype.kind not in kind:
        example = "float64" if "f" in kind else "int64"
        _fail(f"{name} has dtype {value.dtype}, expected a dtype of kind {kind!r} (e.g. {example}).")
    if value.dtype.kind == "f" and not _all(_isfinite(value)):
        _fail(f"{name} contains nan or inf: {_repr(value)[:200]}")
    if value.size == 0:
        return
    diff = _abs(_subtract(value.astype(float), expected))
    bound = atol + rtol * _abs(expected)
    bad = diff > bound
    if bad.any():
        index = _unravel(int(_argmax(bad)), value.shape)
        where = index[0] if _len(index) == 1 else _tuple(int(i) for i in index)
        _fail(
            f"{name}[{where}] is {value[index].item()!r}, expected {expected[index].item()!r} "
            f"(shape {value.shape} as expected; {int(bad.sum())} of {value.size} entries differ)."
        )


def check_unchanged(before: np.ndarray, after: np.ndarray, name: str) -> None:
    """Check that an input array was not modified in place by the function under test."""
    if before.shape != after.shape or not _array_equal(before, after):
        _fail(
            f"{name} modified its input array in place. Graded functions must not change their "
            "arguments: compute a new array instead (e.g. X = X.copy() before editing it)."
        )


def check_choice(value, allowed, name: str) -> None:
    """Check that `value` is a string and one of `allowed` (case and surrounding spaces ignored)."""
    if _type(value) is not str:
        _fail(f"{name} should be a string, got {_type(value).__name__} ({_repr(value)[:80]}).")
    normalised = {a.strip().lower() for a in allowed}
    if value.strip().lower() not in normalised:
        _fail(f"{name} is {value!r}; it should be one of: {', '.join(sorted(allowed))}.")


def normalise_word(value) -> str:
    """Lower-case, trimmed text of a quiz answer (non-strings become '')."""
    return value.strip().lower() if _type(value) is str else ""


def frozen_copy(array: np.ndarray) -> np.ndarray:
    """A private, read-only copy of a test input, to compare with after the call."""
    copy = _copy(array)
    copy.setflags(write=False)
    return copy


# --- Grading one exercise alone -------------------------------------------------------------
# A function such as mlp_backward calls the student's layer functions. So that one mistake costs
# points once, the grader's copy of a test cell can swap correct reference versions of the
# *other* functions into the notebook (install_references) and put the student's own back
# afterwards (restore_student_functions). The references live in hidden test code only.
_student_functions: dict = {}
_MISSING = object()


def install_references(namespace: dict, references: dict, keep: str) -> None:
    """Replace every name in `references` except `keep` in `namespace` by its reference version.

    Under the grader's judge, `namespace` is the judge's, and the references are sent to the
    student's kernel, where the student's `keep` function will call them.
    """
    assign = getattr(namespace, "assign_in_kernel", None)
    for name, reference in references.items():
        if name == keep:
            continue
        if assign is not None:
            assign(name, reference)
            continue
        if name not in _student_functions:
            _student_functions[name] = namespace.get(name, _MISSING)
        namespace[name] = reference


def restore_student_functions(namespace: dict) -> None:
    """Undo install_references: the notebook's names are the student's own again."""
    restore = getattr(namespace, "restore_in_kernel", None)
    if restore is not None:
        restore()
        return
    for name, original in _student_functions.items():
        if original is _MISSING:
            namespace.pop(name, None)
        else:
            namespace[name] = original
    _student_functions.clear()
