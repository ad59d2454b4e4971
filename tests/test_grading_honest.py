"""The honest-student corpus: correct answers written the way real students write them.

Each submission is the solution plus one ordinary oddity: a local variable named like a library
name, a scratch magic, an environment tweak, a warning or a debugging print on stderr. Each must
get full marks with nothing held: tests are judged outside the kernel, so nothing the student's
code prints or rebinds can cost points (nbgrader's own rule scores any stderr output 0).
"""

from __future__ import annotations

import pytest

from autograder import notebooks
from autograder.course import notebook_path
from autograder.grade import grade
from grading_class import A01, make_course, replaced, solution, submit

pytestmark = pytest.mark.slow
A02 = "a02_gradient_descent"
A07 = "a07_pytorch"
A08 = "a08_cnn_fashion_mnist"

HONEST_A01 = {
    "local_F": "def mae(y_true, y_pred):\n    F = np.abs(y_true - y_pred)  # F for 'forecast errors'\n"
               "    return float(np.mean(F))",
    "local_checks": "def mae(y_true, y_pred):\n    checks = np.abs(y_true - y_pred)\n    return float(checks.mean())",
    "local_np": "def mae(y_true, y_pred, np=np):\n    return float(np.mean(np.abs(y_true - y_pred)))",
    "global_F": "F = 9.81  # a note about forces, unrelated\n"
                "def mae(y_true, y_pred):\n    return float(np.mean(np.abs(y_true - y_pred)))",
    "time_magic": "%time _scratch = sum(range(1000))\n"
                  "def mae(y_true, y_pred):\n    return float(np.mean(np.abs(y_true - y_pred)))",
    "environment": "import os\nos.environ['OMP_NUM_THREADS'] = '1'\n"
                   "def mae(y_true, y_pred):\n    return float(np.mean(np.abs(y_true - y_pred)))",
    "printoptions": "np.set_printoptions(precision=3, suppress=True)\n"
                    "def mae(y_true, y_pred):\n    return float(np.mean(np.abs(y_true - y_pred)))",
    "stderr_print": "import sys\n"
                    "def mae(y_true, y_pred):\n    print('debug: computing mae', file=sys.stderr)\n"
                    "    return float(np.mean(np.abs(y_true - y_pred)))",
    "warns": "import warnings\n"
             "def mae(y_true, y_pred):\n"
             "    if y_true.dtype.kind in 'iu':\n        warnings.warn('integer targets: converting to float')\n"
             "    return float(np.mean(np.abs(np.asarray(y_true, float) - y_pred)))",
    "prints_a_lot": "def mae(y_true, y_pred):\n    print('errors:', y_true - y_pred)\n"
                    "    return float(np.mean(np.abs(y_true - y_pred)))",
}

# a02: a correct standardize_apply whose np.where divides by zero first (a RuntimeWarning).
HONEST_A02 = {
    "where_warns": "def standardize_apply(X, mean, std):\n"
                   "    return np.where(std > 0, (X - mean) / std, 0.0)",
}

# a08: the docstring's own letter for the filter count, F, as a local (F is torch's functional).
HONEST_A08 = {
    "local_F": "def conv2d_naive(x, w, b, stride=1, padding=0):\n"
               "    N, C, H, W = x.shape\n"
               "    F, _, KH, KW = w.shape\n"
               "    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))\n"
               "    H_out, W_out = (H + 2 * padding - KH) // stride + 1, (W + 2 * padding - KW) // stride + 1\n"
               "    out = np.zeros((N, F, H_out, W_out))\n"
               "    for f in range(F):\n"
               "        for i in range(H_out):\n"
               "            for j in range(W_out):\n"
               "                patch = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]\n"
               "                out[:, f, i, j] = (patch * w[f]).sum(axis=(1, 2, 3)) + b[f]\n"
               "    return out",
}

# a07: float() of tensors that require grad (torch warns on stderr), and a global cudnn setting.
HONEST_A07 = {
    "float_of_tensor": "torch.backends.cudnn.deterministic = True\n"
                       "def linear_regression_autograd(x, y, lr, n_steps):\n"
                       "    xt, yt = torch.as_tensor(x, dtype=torch.float64), torch.as_tensor(y, dtype=torch.float64)\n"
                       "    w = torch.zeros((), dtype=torch.float64, requires_grad=True)\n"
                       "    b = torch.zeros((), dtype=torch.float64, requires_grad=True)\n"
                       "    for _ in range(n_steps):\n"
                       "        ((w * xt + b - yt) ** 2).mean().backward()\n"
                       "        with torch.no_grad():\n"
                       "            w -= lr * w.grad\n            b -= lr * b.grad\n"
                       "        w.grad.zero_()\n        b.grad.zero_()\n"
                       "    import warnings\n"
                       "    warnings.warn('returning floats of tensors that require grad', UserWarning)\n"
                       "    return float(w), float(b)",
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    results = {}
    for assignment_id, answers, exercise in [(A01, HONEST_A01, "mae"), (A02, HONEST_A02, "standardize_apply"),
                                             (A07, HONEST_A07, "linear_regression_autograd"),
                                             (A08, HONEST_A08, "conv2d_naive")]:
        course = make_course(tmp_path_factory.mktemp(assignment_id), assignment_id)
        sol = solution(course, assignment_id)
        submit(course, assignment_id, "solution", sol)
        for student, code in answers.items():
            submit(course, assignment_id, student, replaced(sol, **{exercise: code}))
        report = grade(course, assignment_id, log=lambda *_: None, workers=3, report=False, feedback=False)
        results[assignment_id] = (course, {r.student_id: r for r in report.results})
    return results


@pytest.mark.parametrize("assignment_id, student", [(A01, s) for s in HONEST_A01] + [(A02, s) for s in HONEST_A02]
                         + [(A07, s) for s in HONEST_A07] + [(A08, s) for s in HONEST_A08])
def test_honest_but_unusual_code_gets_full_marks_and_no_hold(graded, assignment_id, student):
    _, results = graded[assignment_id]
    r = results[student]
    assert r.status == "graded" and r.score == r.max_score == results["solution"].max_score, r.exercises
    assert r.held == []


def test_what_the_students_code_printed_on_stderr_stays_in_the_graded_notebook_as_text(graded):
    course, _ = graded[A01]
    nb = notebooks.read(notebook_path(course / "autograded" / "stderr_print", A01))
    cell = next(c for c in nb.cells if notebooks.grade_id(c) == "test_mae")
    assert [o.output_type for o in cell.outputs] == ["stream", "stream"]
    assert all(o.name == "stdout" for o in cell.outputs)
    assert "debug: computing mae" in cell.outputs[0].text
    assert "mae: visible test passed." in cell.outputs[1].text


def test_a_hold_written_by_an_earlier_run_is_lifted_when_the_student_is_graded_again(graded):
    from nbgrader.api import Gradebook

    from autograder.grade import HOLD_COMMENT

    course, _ = graded[A01]
    url = f"sqlite:///{course / 'gradebook.db'}"
    with Gradebook(url) as gradebook:  # as an earlier run's hold looked: manual 0 and its comment
        notebook = gradebook.find_submission(A01, "local_F").notebooks[0]
        for row in notebook.grades:
            if row.name.endswith("_mae"):
                row.manual_score = 0.0
        for row in notebook.comments:
            if row.name == "mae":
                row.manual_comment = HOLD_COMMENT.format("reassigns F, a name the tests use")
        gradebook.db.commit()
    report = grade(course, A01, log=lambda *_: None, workers=2, report=False, feedback=False, regrade=True)
    assert {r.student_id: r.score for r in report.results}["local_F"] == 17.0
    with Gradebook(url) as gradebook:
        assert gradebook.find_submission(A01, "local_F").score == 17.0
        notebook = gradebook.find_submission(A01, "local_F").notebooks[0]
        assert all(row.manual_score is None for row in notebook.grades)
    rows = [line for line in report.csv_path.read_text().splitlines() if line.startswith(f"{A01},") and "local_F" in line]
    assert rows and rows[0].split(",")[-2] in ("17.0", "17")
