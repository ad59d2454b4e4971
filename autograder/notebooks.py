"""Reading, cleaning and filling nbgrader notebooks.

Conventions every assignment follows (the verify step checks them):
- a solution cell's grade_id is the name it defines: `predict` defines `def predict`;
- its tests are the grade cells `test_<name>` (visible) and `hidden_<name>` (hidden).
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path

import nbformat

SOLUTION_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_solution(cell) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def is_grade(cell) -> bool:
    return bool(nbgrader_meta(cell).get("grade"))


def is_written(cell) -> bool:
    """A written answer that a TA grades by hand (nbgrader's "manually graded answer" cell).

    Autograding leaves it to the TA, except that an answer left as released scores 0.
    """
    return cell.get("cell_type") == "markdown" and is_solution(cell) and is_grade(cell)


def grade_id(cell) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def exercise_of(test_id: str) -> str | None:
    """`test_predict` and `hidden_predict` belong to exercise `predict`."""
    for prefix in ("test_", "hidden_"):
        if test_id.startswith(prefix):
            return test_id[len(prefix):]
    return None


def strip_outputs(nb: nbformat.NotebookNode) -> bool:
    """Remove outputs, execution counts and widget state in place; True if anything changed."""
    changed = False
    for cell in nb.cells:
        if cell.cell_type == "code":
            if cell.get("outputs") or cell.get("execution_count") is not None:
                cell.outputs, cell.execution_count = [], None
                changed = True
        for key in ("execution", "ExecuteTime", "collapsed", "scrolled"):
            if key in cell.get("metadata", {}):
                del cell.metadata[key]
                changed = True
    if "widgets" in nb.metadata:
        del nb.metadata["widgets"]
        changed = True
    return changed


def without_markers(source: str) -> str:
    """A solution cell's code as a student would write it: the nbgrader markers removed."""
    lines = [line for line in source.split("\n")
             if line.strip() not in SOLUTION_MARKERS and not line.strip().startswith("### BEGIN SOLUTION")]
    return "\n".join(lines)


def defined_names(source: str) -> set[str]:
    """Top-level names a cell defines (functions, classes, assignments)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def filled_with_solutions(release: nbformat.NotebookNode, source: nbformat.NotebookNode):
    """The release notebook as a student who solved everything would submit it."""
    answers = {grade_id(c): without_markers(c.source) for c in source.cells if is_solution(c)}
    nb = copy.deepcopy(release)
    for cell in nb.cells:
        if is_solution(cell) and grade_id(cell) in answers:
            cell.source = answers[grade_id(cell)]
    return nb


def with_replacement(nb: nbformat.NotebookNode, exercise: str, code: str, label: str):
    """A copy of `nb` in which `code` (a new definition of `exercise`) follows the exercise's answer.

    The replacement is appended to the solution cell that defines `exercise`, so the new
    definition wins and the rest of the notebook stays as the student (here: the solution) wrote it.
    """
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if is_solution(cell) and grade_id(cell) == exercise:
            cell.source = f"{cell.source}\n\n# --- {label} ---\n{code}"
            return nb
    raise KeyError(f"no solution cell with grade_id {exercise!r}")
