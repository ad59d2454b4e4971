"""release_stubs: what a student sees in place of a solution.

nbgrader replaces every solution region with one stub, `raise NotImplementedError()` (see
nbgrader_config.py): an unanswered exercise then fails loudly where it stands. A quiz is
different: the student should see the answer's *form* — the dict's name and keys, with `...`
for each value — and fill it in. Such a cell holds that skeleton above its solution region and
marks the region `### BEGIN SOLUTION (skeleton above)`; the release then keeps the skeleton and
drops the region with no stub, so a filled-in skeleton runs as it is.
"""

from __future__ import annotations

from nbgrader.preprocessors import ClearSolutions

SKELETON_MARK = "(skeleton above)"


class ClearSolutionsKeepingSkeletons(ClearSolutions):
    """nbgrader's ClearSolutions, except that a region marked SKELETON_MARK gets no stub."""

    def _replace_solution_region(self, cell, language: str) -> bool:
        if cell.cell_type != "code" or SKELETON_MARK not in cell.source:
            return super()._replace_solution_region(cell, language)
        stubs = self.code_stub
        self.code_stub = {**stubs, language: ""}
        try:
            replaced = super()._replace_solution_region(cell, language)
        finally:
            self.code_stub = stubs
        cell.source = cell.source.rstrip("\n")  # the region's place leaves no blank line behind
        return replaced
