"""Feedback without hidden tests: an nbgrader preprocessor for `generate_feedback`.

nbgrader's own feedback renders the autograded notebook as it is, and there every test cell
carries its hidden tests again, with their tracebacks. This preprocessor, listed in
nbgrader_config.py, runs after GetGrades and rewrites every cell that holds a hidden-test
region: the region's code is replaced by one comment, and the cell's outputs by one line,
"passed", or the error's name and message (the message our checks write for students) with
the known mistake it names, if any, never a traceback or anything the hidden code printed.
"""

from __future__ import annotations

from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade

from dlcourse.checks import KNOWN_MISTAKE

BEGIN, END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
MAX_MESSAGE = 300


def strip_hidden_region(source: str) -> tuple[str, bool]:
    """Return `source` with every hidden-test region replaced by one comment, and whether any was."""
    kept, inside, found = [], False, False
    for line in source.split("\n"):
        if BEGIN in line:
            inside, found = True, True
            kept.append("# (hidden tests: their code is not shown in feedback)")
        elif END in line:
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept), found


def hidden_verdict(outputs) -> str:
    """One line saying whether the hidden tests passed, with the error's name and message if not."""
    for output in outputs:
        if output.get("output_type") == "error":
            message = str(output.get("evalue", "")).strip().splitlines()
            text = message[0] if message else ""
            if len(text) > MAX_MESSAGE:
                text = text[:MAX_MESSAGE] + " ..."
            verdict = f"Hidden tests failed: {output.get('ename', 'Error')}: {text}".rstrip(": ")
            # The judge's checks name a catalogued mistake on a line of its own: a sentence, no values.
            named = [line for line in message[1:] if line.startswith(KNOWN_MISTAKE)]
            return verdict + (f"\n{named[0][:MAX_MESSAGE]}" if named else "")
    return "Hidden tests passed."


class HideHiddenTests(NbGraderPreprocessor):
    """Remove hidden test code and tracebacks from autograded notebooks before rendering feedback."""

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not is_grade(cell):
            return cell, resources
        source, found = strip_hidden_region(cell.source)
        if found:
            verdict = hidden_verdict(cell.get("outputs", []))
            cell.source = source
            cell.outputs = [new_output("stream", name="stdout", text=verdict + "\n")]
        return cell, resources
