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
import contextlib
import hashlib
import json
import math
import sys
import types
from pathlib import Path

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
    __tracebackhide__ = True
    raise CheckFailed(message)


def _show_failure(shell, kind, value, tb, tb_offset=None):
    """How IPython shows a failed check: the test cell's lines, none of this module's frames."""
    here = tb
    while here is not None and here.tb_next is not None:
        if here.tb_next.tb_frame.f_code.co_filename == __file__:
            here.tb_next = None  # the traceback ends at the test's line that called the check
            break
        here = here.tb_next
    shell.showtraceback((kind, value, tb), tb_offset=tb_offset)


def _show_failures_briefly() -> None:
    """In a notebook, show failed checks without this module's frames (see _show_failure)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        shell.set_custom_exc((CheckFailed,), _show_failure)


_show_failures_briefly()


# --- Known mistakes -------------------------------------------------------------------------
# `autograder build` runs every catalogued wrong answer through the tests and keeps a fingerprint
# of each wrong result (a hash of its rounded values and the check's name) with a sentence about
# the mistake. The release ships the visible tests' part beside the notebook, MISCONCEPTIONS_FILE:
# fingerprints and sentences only, no code and no expected value. When a check fails on a result
# with a known fingerprint, its message says which mistake gives exactly that result.
MISCONCEPTIONS_FILE = "misconceptions.json"
KNOWN_MISTAKE = "Known mistake: "  # starts the message's second line (feedback shows it for hidden tests)
_known: dict | None = None   # fingerprint -> sentences; loaded from the notebook's folder on first use
_recording: list | None = None  # autograder build: the fingerprints of failed checks, in order


def use_misconceptions(known: dict | None) -> None:
    """Name mistakes from `known` (fingerprint -> sentences); None: read MISCONCEPTIONS_FILE again."""
    global _known
    _known = known


def _known_mistakes() -> dict:
    global _known
    if _known is None:
        try:
            _known = json.loads((Path.cwd() / MISCONCEPTIONS_FILE).read_text())["mistakes"]
        except (OSError, ValueError, KeyError, TypeError):
            _known = {}  # no table (a notebook moved on its own): the messages say what differs
    return _known


def _number_text(x: float, scale: float) -> str:
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    if -1e-9 * scale <= x <= 1e-9 * scale or -1e-12 <= x <= 1e-12:  # rounding noise about 0
        return "0"
    return f"{x:.5g}"


def _canonical(value) -> str:
    """A result as text, rounded to 5 significant digits, so that two computations of the same
    wrong formula in another order give the same text."""
    kind = _type(value)
    if kind is bool or kind is np.bool_:
        return f"bool:{bool(value)}"
    if kind in (int, float) or _isinstance(value, np.number) and _type(value) is not np.ndarray:
        try:
            number = _float(value)
        except (TypeError, ValueError):
            return f"{kind.__name__}:{_repr(value)[:200]}"
        return f"{'i' if kind is int or np.dtype(kind).kind in 'iu' else 'f'}:{_number_text(number, abs(number))}"
    if kind is _ndarray:
        if value.dtype.kind not in "biuf":
            return f"array{value.shape}{value.dtype.str}"
        values = value.astype(float).ravel()
        finite = values[_isfinite(values)]
        scale = float(np.max(_abs(finite))) if finite.size else 0.0
        return f"array{value.shape}{value.dtype.kind}{value.dtype.itemsize}:" + ",".join(
            _number_text(float(x), scale) for x in values)
    if kind is str:
        return "str:" + value.strip().lower()
    if kind in (tuple, list):
        return kind.__name__ + "(" + ",".join(_canonical(v) for v in value) + ")"
    if kind is dict:
        return "dict(" + ",".join(f"{_canonical(k)}={_canonical(v)}" for k, v in value.items()) + ")"
    return kind.__name__


def fingerprint(name: str, value) -> str:
    """The fingerprint of a check's result: 16 hex digits of a hash of its name and rounded value."""
    return hashlib.sha256(f"{name}\0{_canonical(value)}".encode()).hexdigest()[:16]


def _mismatch(name: str, value, message: str) -> None:
    """Fail with `message`, naming the known mistake that gives exactly this result, if any."""
    __tracebackhide__ = True
    key = fingerprint(name, value)
    if _recording is not None:
        _recording.append(key)
    mistakes = _known_mistakes().get(key)
    if mistakes:  # second, right under what differs
        first, _, rest = message.partition("\n")
        named = KNOWN_MISTAKE + mistakes[0] + (" Or: " + mistakes[1] if _len(mistakes) > 1 else "")
        message = first + "\n" + named + ("\n" + rest if rest else "")
    _fail(message)


def _error_text(error: BaseException) -> tuple[str, str]:
    """An exception as (its nearest builtin class, its message), as the grader's judge passes it on
    from the student's kernel, so that a known mistake's error has one fingerprint everywhere."""
    kind = _type(error)
    builtin = next((c for c in kind.__mro__ if getattr(builtins, c.__name__, None) is c), Exception)
    message = str(error)
    if kind is not builtin:
        message = f"{kind.__name__}: {message}"
    return builtin.__name__, message[:200]


class calling:  # noqa: N801 - used like a function: `with checks.calling(...)`
    """Run the student's code inside; if it raises, fail with a sentence naming the call (and the
    known mistake that raises exactly this error, if any), with the student's traceback above.

        with checks.calling("sigmoid([-1000, 0, 1000])"):
            out = sigmoid(np.array([-1000.0, 0.0, 1000.0]))

    A class, not @contextlib.contextmanager, so that no frame of contextlib.py shows in the
    student's traceback between the test's line and the student's code.
    """

    def __init__(self, name: str, hint: str = "The traceback above shows the line in your code."):
        self.name, self.hint = name, hint

    def __enter__(self):
        return self

    def __exit__(self, kind, error, tb):
        __tracebackhide__ = True
        if error is None or _isinstance(error, CheckFailed) or not _isinstance(error, Exception):
            return False
        if getattr(_type(error), "judge_signal", False):  # the grader's time limit or a bad reply
            return False
        kind, message = _error_text(error)
        first = message.splitlines()[0] if message else ""
        try:
            _mismatch(self.name, ("raised", kind, message),
                      f"{self.name} raised {kind}" + (f": {first[:60]}." if first else ".") + f"\n{self.hint}")
        except CheckFailed as failure:
            raise failure from error


def known_mistake(message: str) -> str | None:
    """The first known mistake a failure message names (its `Known mistake:` line), or None."""
    for line in message.splitlines():
        if line.startswith(KNOWN_MISTAKE):
            return line[len(KNOWN_MISTAKE):].split(" Or: ")[0].strip()
    return None


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

    Example message: "mae(y, y_hat): got 1.5, expected 1.0." (then the difference on line 2).
    """
    __tracebackhide__ = True  # IPython and pytest show the test's line, not this module's frames
    if _type(value) not in FLOAT_TYPES:
        _mismatch(name, value, f"{name} returned {_what(value)}, not a float.\n"
                               f"It returned {_repr(value)[:80]}; wrap a numpy result with float(...).")
    number = _float(value)
    if not _math_isfinite(number):
        _mismatch(name, value, f"{name} returned {number}, not a finite number.\nExpected {expected!r}.")
    diff = number - expected
    if diff < 0:
        diff = -diff
    if diff > atol + rtol * (expected if expected >= 0 else -expected):
        _mismatch(name, value, f"{name}: got {number!r}, expected {expected!r}.\nThe difference is {diff:.3g}.")


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
    "predict(X, w, b) at index 2: got 7.3, expected 6.8." (then how many entries differ).
    """
    __tracebackhide__ = True
    expected = np.array(expected, dtype=float if "f" in kind else None)
    if _type(value) is not _ndarray:
        _mismatch(name, value, f"{name} returned {_what(value)}, not a numpy array.\n"
                               "Build the result with numpy operations or np.array(...).")
    if value.shape != expected.shape:
        _mismatch(name, value, f"{name} has shape {value.shape}, expected {expected.shape}.\n"
                               "Print the shapes of your intermediate arrays to see where they change.")
    if value.dtype.kind not in kind:
        _mismatch(name, value, f"{name} holds {_kind_words(value.dtype.kind)}, not {_kind_words(kind)}.\n"
                               f"numpy reports its dtype (the type of its numbers) as {value.dtype}.")
    if value.dtype.kind == "f" and not _all(_isfinite(value)):
        _mismatch(name, value, f"{name} contains nan or inf.\n{_repr(value)[:200]}")
    if value.size == 0:
        return
    diff = _abs(_subtract(value.astype(float), expected))
    bound = atol + rtol * _abs(expected)
    bad = diff > bound
    if bad.any():
        index = _unravel(int(_argmax(bad)), value.shape)
        where = index[0] if _len(index) == 1 else _tuple(int(i) for i in index)
        _mismatch(name, value,
                  f"{name} at index {where}: got {value[index].item()!r}, expected {expected[index].item()!r}.\n"
                  f"{int(bad.sum())} of {value.size} entries differ; the shape {value.shape} is right.")


def check_unchanged(before: np.ndarray, after: np.ndarray, name: str) -> None:
    """Check that an input array was not modified in place by the function under test."""
    __tracebackhide__ = True
    if before.shape != after.shape or not _array_equal(before, after):
        _mismatch(f"{name} (its input)", after, f"{name} changed its input array in place.\n"
                  "Graded functions must not change their arguments: compute a new array instead "
                  "(e.g. X = X.copy() before editing it).")


def check_choice(value, allowed, name: str) -> None:
    """Check that `value` is a string and one of `allowed` (case and surrounding spaces ignored)."""
    __tracebackhide__ = True
    if _type(value) is not str:
        _mismatch(name, value, f"{name} is {_what(value)}, not a string.\nIt is {_repr(value)[:80]}.")
    normalised = {a.strip().lower() for a in allowed}
    if value.strip().lower() not in normalised:
        _mismatch(name, value, f"{name} is {value!r}, which is not one of the allowed answers.\n"
                               f"Allowed: {', '.join(sorted(allowed))}.")


_KIND_WORDS = {"f": "floats", "i": "integers", "u": "integers", "iu": "integers", "b": "True/False values",
               "c": "complex numbers"}


def _kind_words(kind: str) -> str:
    """numpy's dtype kinds in words: "f" -> "floats", "fiu" -> "numbers"."""
    if kind in _KIND_WORDS:
        return _KIND_WORDS[kind]
    return "numbers" if set(kind) <= set("fiu") else f"values of another type ({kind})"


def _what(value) -> str:
    """A value's type in words, for messages: "a numpy array", "a list", "None"."""
    if value is None:
        return "None"
    if value is Ellipsis:
        return "still ... (not answered yet)"
    if _type(value) is _ndarray:
        return "a numpy array"
    name = _type(value).__name__
    return f"an {name}" if name[:1] in "aeiou" else f"a {name}"


def check_equal(value, expected, name: str, hint: str = "") -> None:
    """Check that `value` equals `expected` exactly: ints, bools, strings, and lists or tuples of
    them (a numpy integer counts as an int). For floats use check_float or check_array.
    `hint`, if given, is the message's second line: where to look."""
    __tracebackhide__ = True
    if _canonical(value) != _canonical(expected):
        _mismatch(name, value, f"{name} is {_repr(value)[:80]}, expected {expected!r}." + ("\n" + hint if hint else ""))


def check_true(condition, name: str, message: str) -> None:
    """Check a yes/no property of a result (`condition` must be True); `message` is the sentence a
    student reads when it is not, e.g. "unfreeze_all should return the model it was given." """
    __tracebackhide__ = True
    if _canonical(condition) != "bool:True":
        _mismatch(name, condition, message)


def normalise_word(value) -> str:
    """Lower-case, trimmed text of a quiz answer (non-strings become '')."""
    return value.strip().lower() if _type(value) is str else ""


def frozen_copy(array: np.ndarray) -> np.ndarray:
    """A private, read-only copy of a test input, to compare with after the call."""
    copy = _copy(array)
    copy.setflags(write=False)
    return copy


class relies_on:  # noqa: N801 - used like a function: `with checks.relies_on(...)`
    """For the visible test of an exercise that builds on others: when a check inside fails, run
    each piece's own check (name=a function that checks it), and if one fails, say to fix it first.

        with checks.relies_on(mse=lambda: checks.check_float(mse(y, y_hat), 1.26, "mse(...)")):
            checks.check_float(rmse(y, y_hat), math.sqrt(1.26), "rmse(...)")
    """

    def __init__(self, **pieces):
        self.pieces = pieces

    def __enter__(self):
        return self

    def __exit__(self, kind, failure, tb):
        __tracebackhide__ = True
        if failure is None or not _isinstance(failure, Exception):
            return False  # passed, or a KeyboardInterrupt / SystemExit: let it through
        broken = []
        for name, check in self.pieces.items():
            try:
                check()
            except Exception:  # noqa: BLE001 - any failure of the piece's check
                broken.append(name)
        if not broken:
            return False
        what = str(failure).splitlines()[0] if str(failure) else _type(failure).__name__
        fails = "which fails its own test" if _len(broken) == 1 else "which fail their own tests"
        raise CheckFailed(f"This builds on {', '.join(broken)}, {fails}: fix {broken[0]} first.\n"
                          f"Then run this test again. What failed here: {what}") from None


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
