"""The TA report's figures: total scores and points per exercise (autograder/report.py draws
the page; autograder/cohort.py has the known-mistakes figure)."""

from __future__ import annotations

import math
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

PASS_COLOUR = "#2b7bb9"
MEAN_COLOUR = "#f0a23b"


def _num(x: float | None, digits: int = 2) -> str:
    """A score as people write it: 3, 2.5, 0.33 (no trailing zeros); '' for None."""
    if x is None:
        return ""
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def _message(fig: Figure, title: str, message: str) -> None:
    """A figure that says why there is nothing to plot."""
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, fontsize=12)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color="#666",
            transform=ax.transAxes)


def scores_figure(assignment_id: str, summary: dict) -> Figure:
    """Histogram of the graded submissions' total scores, 0 to the assignment's points."""
    fig = Figure(figsize=(5.5, 4), dpi=100, layout="constrained")
    scores, max_score = summary["scores"], summary["max_score"]
    if not scores:
        _message(fig, f"{assignment_id}: total scores", "no graded submissions")
        return fig
    top = max(max_score, max(scores), 1.0)
    width = max(1, math.ceil(top / 40))  # whole points per bin, at most about 40 bins
    n_bins = math.ceil(top / width) + 1
    edges = [-width / 2 + i * width for i in range(n_bins + 1)]  # bins centred on 0, w, 2w, ...
    ax = fig.add_subplot()
    ax.hist(scores, bins=edges, color=PASS_COLOUR, edgecolor="white", linewidth=0.8)
    ax.axvline(summary["median"], color="#c0392b", linestyle="--", linewidth=1.5,
               label=f"median {_num(summary['median'])}")
    ax.set_xlim(edges[0], edges[-1])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(f"total score (out of {_num(max_score)})")
    ax.set_ylabel("submissions")
    ax.set_title(f"{assignment_id}: total scores (n = {len(scores)}, median {_num(summary['median'])})",
                 fontsize=12)
    ax.legend(loc="best", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    return fig


def exercises_figure(assignment_id: str, summary: dict) -> Figure:
    """Per exercise, top to bottom in notebook order: the share of graded submissions with full
    marks (blue) and the mean share of its points (orange)."""
    exercises = summary["exercises"]
    height = max(3.0, 1.4 + 0.42 * len(exercises))
    fig = Figure(figsize=(5.5, height), dpi=100, layout="constrained")
    title = f"{assignment_id}: exercises"
    if not summary["scores"] or not exercises:
        _message(fig, title, "no graded submissions" if not summary["scores"] else "no exercises")
        return fig
    ax = fig.add_subplot()
    ys = range(len(exercises))
    passes = [e["pass_rate"] or 0.0 for e in exercises]
    means = [e["mean_fraction"] or 0.0 for e in exercises]
    ax.barh([y - 0.18 for y in ys], passes, height=0.36, color=PASS_COLOUR, label="full marks")
    ax.barh([y + 0.18 for y in ys], means, height=0.36, color=MEAN_COLOUR, label="mean share of points")
    for y, e in zip(ys, exercises):
        text = "no points" if e["pass_rate"] is None else _pct(e["pass_rate"])
        ax.text((e["pass_rate"] or 0.0) + 0.01, y - 0.18, text, va="center", fontsize=8, color="#333")
    ax.set_yticks(list(ys), [f"{e['name']} ({_num(e['max'])})" for e in exercises])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.08)
    ax.xaxis.set_major_formatter(PercentFormatter(xmax=1))
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.set_xlabel(f"share of the {summary['counts']['graded']} graded submissions")
    ax.set_title(title + " (points)", fontsize=12)
    fig.legend(loc="outside lower center", ncols=2, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", alpha=0.3)
    return fig


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, format="png", dpi=100, facecolor="white")
    return path
