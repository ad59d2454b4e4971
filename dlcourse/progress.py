"""Progress bars for the notebooks' training loops, silent under grading.

tqdm.auto draws a widget bar in JupyterLab. Under nbgrader (NBGRADER_EXECUTION set) it would
write to stderr when no widget front end exists, and nbgrader gives a test cell with any stderr
output zero points, so there the loop runs without a bar.
"""

from __future__ import annotations

from typing import Iterable

from dlcourse.viz.figure import under_grading


def progress(iterable: Iterable, desc: str = "", total: int | None = None, leave: bool = True):
    """`iterable`, wrapped in a tqdm progress bar unless the notebook is being graded."""
    if under_grading():
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, desc=desc, total=total, leave=leave)
