"""Every source and lecture notebook runs top to bottom headless, as students and nbgrader run them."""

import os
from pathlib import Path
from unittest import mock

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted((REPO / "source").glob("*/*.ipynb"))
DEMOS = sorted((REPO / "notebooks").glob("*.ipynb"))
pytestmark = pytest.mark.slow


def run(path: Path, tmp_path: Path, grading: bool) -> nbformat.NotebookNode:
    nb = nbformat.read(str(path), as_version=4)
    # The kernel inherits NBGRADER_EXECUTION, as under nbgrader; patch.dict restores the environment.
    with mock.patch.dict(os.environ, {"NBGRADER_EXECUTION": "autograde"} if grading else {}):
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def outputs(nb, kind):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == kind]


@pytest.mark.parametrize("path", SOURCES + DEMOS, ids=lambda p: p.name)
def test_notebook_runs_without_errors_and_shows_its_widgets(path, tmp_path):
    nb = run(path, tmp_path, grading=False)
    assert not outputs(nb, "error")
    widgets = [o for o in outputs(nb, "display_data") if "application/vnd.jupyter.widget-view+json" in o.data]
    assert widgets, "the visualiser did not display"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_source_under_grading_builds_no_widgets_and_tests_write_nothing_to_stderr(path, tmp_path):
    nb = run(path, tmp_path, grading=True)
    assert not outputs(nb, "error")
    assert not [o for o in outputs(nb, "display_data") if "application/vnd.jupyter.widget-view+json" in o.data]
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):  # not written answers
            stderr = [o for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"]
            assert not stderr, f"{cell.metadata.nbgrader.grade_id} wrote to stderr: nbgrader would give it 0"


@pytest.mark.parametrize("path", SOURCES + DEMOS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs_or_widget_state(path):
    nb = nbformat.read(str(path), as_version=4)
    assert not outputs(nb, "display_data") + outputs(nb, "stream") + outputs(nb, "execute_result")
    assert all(c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
    assert "widgets" not in nb.metadata


RELEASES = sorted((REPO / "release").glob("*/*.ipynb"))


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_a_blank_release_fails_only_in_its_exercises_and_their_tests(path, tmp_path):
    """A student who runs the whole notebook before answering sees errors only where an answer
    is missing: every demo cell that uses an exercise says "Finish ..., then run this cell again"."""
    for data in path.parent.iterdir():
        if data.is_file() and data.suffix != ".ipynb":
            (tmp_path / data.name).write_bytes(data.read_bytes())
    nb = nbformat.read(str(path), as_version=4)
    with mock.patch.dict(os.environ, {"NBGRADER_EXECUTION": "autograde"}):  # the heavy demos short
        NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
    failing = [c.metadata.get("nbgrader", {}).get("grade_id") or c.source[:60] for c in nb.cells
               if c.cell_type == "code" and any(o.output_type == "error" for o in c.outputs)
               and not c.metadata.get("nbgrader", {}).get("solution") and not c.metadata.get("nbgrader", {}).get("grade")]
    assert not failing, f"cells that fail in a blank notebook but are no exercise or test: {failing}"
