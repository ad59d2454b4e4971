"""cohort: which known mistakes a class made, per exercise, for the TA report.

When a test fails on a result that a catalogued mistake gives, the judge's message names it
(autograder/misconceptions.py); the worker keeps those names per exercise (`named_mistakes`).
Here they are counted over the class:

    per exercise   how many students lost points on it; how many of them made each known
                   mistake (the five most common first); and the share that lost points with no
                   known mistake — where the instructions may be unclear, or the catalogue lacks
                   a case
    mistakes.png   the most common known mistakes of the class, as bars

Student text never appears here: the sentences come from the catalogue, the counts from the
grader.
"""

from __future__ import annotations

import html
import textwrap
from collections import Counter

from matplotlib.figure import Figure

from autograder import notebooks
from autograder.results import StudentResult
from dlcourse.checks import known_mistake

TOP = 5
FULL_MARKS_TOLERANCE = 1e-9
BAR_COLOUR = "#8e44ad"


def named_mistakes(nb) -> dict[str, list[str]]:
    """Exercise -> the known mistakes its failed tests named in a graded notebook, in order."""
    found: dict[str, list[str]] = {}
    for cell in nb.cells:
        exercise = notebooks.exercise_of(notebooks.grade_id(cell) or "")
        if cell.cell_type != "code" or not notebooks.is_grade(cell) or exercise is None:
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            sentence = known_mistake(str(output.get("evalue", "")))
            if sentence and sentence not in found.setdefault(exercise, []):
                found[exercise].append(sentence)
    return found


def cohort(results: list[StudentResult], exercise_max: dict[str, float]) -> list[dict]:
    """Per exercise, in notebook order: {"name", "lost": students who lost points on it,
    "mistakes": [(sentence, students)] most common first, "unexplained": students who lost
    points with no known mistake, "unexplained_share": that over "lost" (None if nobody lost)}."""
    graded = [r for r in results if r.status == "graded"]
    rows = []
    for name, top in exercise_max.items():
        lost = [r for r in graded if r.exercises.get(name, (0.0, top))[0] < top - FULL_MARKS_TOLERANCE]
        counts = Counter(s for r in lost for s in dict.fromkeys(r.mistakes.get(name, [])))
        unexplained = sum(1 for r in lost if not r.mistakes.get(name))
        rows.append({"name": name, "lost": len(lost), "mistakes": counts.most_common(),
                     "unexplained": unexplained, "unexplained_share": unexplained / len(lost) if lost else None})
    return rows


def mistakes_figure(assignment_id: str, rows: list[dict], limit: int = 10) -> Figure:
    """The class's most common known mistakes (at most `limit`), as horizontal bars."""
    common = sorted(((count, row["name"], sentence) for row in rows for sentence, count in row["mistakes"]),
                    key=lambda item: (-item[0], item[1], item[2]))[:limit]
    fig = Figure(figsize=(7.5, max(2.6, 1.2 + 0.62 * len(common))), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    title = f"{assignment_id}: most common known mistakes"
    if not common:
        ax.set_axis_off()
        ax.set_title(title, fontsize=12)
        ax.text(0.5, 0.5, "no failed test matched a known mistake", ha="center", va="center", fontsize=13,
                color="#666", transform=ax.transAxes)
        return fig
    ys = range(len(common))
    ax.barh(list(ys), [c for c, _, _ in common], color=BAR_COLOUR, height=0.6)
    labels = [f"{name}: " + textwrap.shorten(_gist(sentence), 80, placeholder="…") for _, name, sentence in common]
    ax.set_yticks(list(ys), ["\n".join(textwrap.wrap(label, 48)) for label in labels], fontsize=8)
    ax.invert_yaxis()
    for y, (count, _, _) in zip(ys, common):
        ax.text(count, y, f" {count}", va="center", fontsize=9)
    ax.set_xlabel("students")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title, fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", alpha=0.3)
    return fig


def _gist(sentence: str) -> str:
    """The mistake itself, for a short label: "This is what comes out when X." -> "X"."""
    for opening in ("This is what comes out when ", "This matches a version that ", "This matches "):
        if sentence.startswith(opening):
            return sentence[len(opening):].rstrip(".")
    return sentence.rstrip(".")


def cohort_html(rows: list[dict]) -> str:
    """One table row per exercise where somebody lost points."""
    body = []
    for row in rows:
        if not row["lost"]:
            continue
        items = "".join(f"<li>{count} × {html.escape(sentence)}</li>" for sentence, count in row["mistakes"][:TOP])
        more = len(row["mistakes"]) - TOP
        if more > 0:
            items += f"<li>and {more} more</li>"
        share = f"{row['unexplained']} ({row['unexplained_share']:.0%})"
        body.append(f"<tr><td>{html.escape(row['name'])}</td><td class='num'>{row['lost']}</td>"
                    f"<td>{'<ol>' + items + '</ol>' if items else '–'}</td><td class='num'>{share}</td></tr>")
    if not body:
        return "<p>Nobody lost points.</p>"
    return ("<table><thead><tr><th>exercise</th><th>lost points</th><th>known mistakes (most common first)</th>"
            "<th>no known mistake</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")
