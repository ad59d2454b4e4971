"""report: the TA's report after grading a class.

    write_report(assignment_id, results, exercise_max, folder) -> folder / "report.html"

writes into `folder`:
    report.csv     one row per submission: id, status, total, seconds, each exercise, reasons
    scores.png     histogram of the graded submissions' total scores
    exercises.png  per exercise: the share with full marks, and the mean share of its points
    mistakes.png   the class's most common known mistakes (autograder/cohort.py)
    report.html    one self-contained page (the figures embedded, no script, nothing fetched):
                   the summary, what needs review and why, the figures, the exercise table, the
                   known mistakes per exercise and one row per student

`summarise(results, exercise_max)` gives the numbers the page shows (counts, median, mean,
pass rates), for tests and for anything else that wants them without reading HTML.

Everything a student can influence (the student id is a folder name, messages quote errors
their code raised) is escaped before it goes into the page.
"""

from __future__ import annotations

import base64
import csv
import html
import statistics
from datetime import datetime
from pathlib import Path

from autograder.cohort import cohort, cohort_html, mistakes_figure
from autograder.report_figures import _num, _pct, _save, exercises_figure, scores_figure
from autograder.results import StudentResult

STATUSES = ("graded", "failed", "malformed")
MAX_TEXT = 300  # characters of a message shown in a table; the CSV keeps all of it
FULL_MARKS_TOLERANCE = 1e-9

# -- numbers ---------------------------------------------------------------------------------

def _needs_review(result: StudentResult) -> bool:
    return result.status != "graded" or bool(result.reasons)


def _full_marks(score: float, maximum: float) -> bool:
    return maximum > 0 and score >= maximum - FULL_MARKS_TOLERANCE


def summarise(results: list[StudentResult], exercise_max: dict[str, float]) -> dict:
    """The numbers of the report.

    Returns a dict with
        n                  submissions
        counts             {"graded": .., "failed": .., "malformed": ..} (other statuses under their name)
        max_score          the assignment's points (sum of exercise_max; else the graded results' max)
        scores             the graded submissions' total scores, sorted
        median, mean       of those scores (None without graded submissions)
        review             student ids that need review (not graded, hit a limit, held, tampering), sorted
        exercises          one dict per exercise, in notebook order: name, max, pass_rate (share of
                           graded submissions with full marks), mean (points), mean_fraction
                           (mean / max); the rates and means are None without graded submissions,
                           pass_rate and mean_fraction also for an exercise worth 0 points
        pass_rates         {exercise: pass_rate}

    A graded submission without an entry for an exercise counts as 0 points on it.
    """
    counts = {status: 0 for status in STATUSES}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    graded = [r for r in results if r.status == "graded"]
    scores = sorted(float(r.score) for r in graded)
    max_score = float(sum(exercise_max.values()))
    if max_score <= 0 and graded:
        max_score = max(float(r.max_score) for r in graded)
    exercises = []
    for name, maximum in exercise_max.items():
        maximum = float(maximum)
        points = [float(r.exercises.get(name, (0.0, maximum))[0]) for r in graded]
        mean = statistics.fmean(points) if points else None
        exercises.append({
            "name": name,
            "max": maximum,
            "pass_rate": (sum(_full_marks(p, maximum) for p in points) / len(points)
                          if points and maximum > 0 else None),
            "mean": mean,
            "mean_fraction": mean / maximum if mean is not None and maximum > 0 else None,
        })
    return {
        "n": len(results),
        "counts": counts,
        "max_score": max_score,
        "scores": scores,
        "median": statistics.median(scores) if scores else None,
        "mean": statistics.fmean(scores) if scores else None,
        "review": sorted(r.student_id for r in results if _needs_review(r)),
        "exercises": exercises,
        "pass_rates": {e["name"]: e["pass_rate"] for e in exercises},
    }


# -- formatting ------------------------------------------------------------------------------

def _truncate(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


def _csv_text(text: str) -> str:
    """Free text for a spreadsheet cell: a leading = + - @ would make Excel read a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# -- files -----------------------------------------------------------------------------------

def write_csv(results: list[StudentResult], exercise_max: dict[str, float], path: Path) -> Path:
    """report.csv: one row per submission, sorted by student id; the score of a submission that
    was not graded is left empty (nothing was recorded), as is an exercise without an entry."""
    total = float(sum(exercise_max.values()))
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "status", "score", "max_score", "seconds", *exercise_max, "reasons"])
        for r in sorted(results, key=lambda r: r.student_id):
            graded = r.status == "graded"
            writer.writerow([
                r.student_id,
                r.status,
                _num(r.score, 4) if graded else "",
                _num(r.max_score if r.max_score else total, 4),
                f"{r.seconds:.1f}",
                *(_num(r.exercises[e][0], 4) if e in r.exercises else "" for e in exercise_max),
                _csv_text(" | ".join(r.reasons)),
            ])
    return path


# -- HTML ------------------------------------------------------------------------------------

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif;
       color: #1d1d1f; margin: 0; background: #f6f7f9; }
main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d8dbe0; }
.meta { color: #555; margin: 0 0 14px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { background: #fff; border: 1px solid #d8dbe0; border-radius: 6px; padding: 8px 14px; min-width: 92px; }
.card b { display: block; font-size: 22px; font-variant-numeric: tabular-nums; }
.card span { color: #555; font-size: 13px; }
.card.bad b { color: #b3261e; }
.figures { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.figures img { background: #fff; border: 1px solid #d8dbe0; border-radius: 6px; max-width: 100%; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; background: #fff; border: 1px solid #d8dbe0; font-size: 14px; }
th, td { padding: 4px 9px; border-bottom: 1px solid #e6e8eb; vertical-align: baseline; text-align: left; }
th { background: #eef0f3; font-weight: 600; vertical-align: bottom; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.ex { padding: 8px 6px 6px; vertical-align: bottom; text-align: right; font-weight: 500; }
th.ex span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
td.ex { text-align: right; font-variant-numeric: tabular-nums; padding: 4px 6px; white-space: nowrap; }
td.id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px;
        min-width: 14ch; max-width: 28ch; overflow-wrap: anywhere; }
td.why { min-width: 240px; max-width: 480px; overflow-wrap: anywhere; color: #333; font-size: 13px; }
td.zero { color: #b3261e; }
td.part { color: #8a5a00; }
td.held { background: #fdecea; color: #b3261e; font-weight: 600; }
tr.failed td, tr.malformed td { background: #fdecea; }
.status { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600; }
.status.graded { background: #e3f1e6; color: #1e6b34; }
.status.failed, .status.malformed { background: #b3261e; color: #fff; }
.status.other { background: #eee; color: #333; }
ul.review { list-style: none; padding: 0; margin: 0; }
ul.review > li { background: #fff; border: 1px solid #d8dbe0; border-left: 5px solid #e0a100;
                 border-radius: 4px; padding: 8px 12px; margin: 0 0 8px; }
ul.review > li.failed, ul.review > li.malformed { border-left-color: #b3261e; }
ul.review > li.held { border-left-color: #7b3fb3; }
ul.review ul { margin: 4px 0 0; padding-left: 20px; overflow-wrap: anywhere; }
.note { color: #666; }
details pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; background: #f6f7f9;
              padding: 6px; max-height: 240px; overflow: auto; }
.bar { display: inline-block; height: 9px; background: #2b7bb9; border-radius: 2px; vertical-align: middle; }
td.barcell { width: 130px; }
p.empty { color: #555; font-style: italic; }
"""


def _status_badge(status: str) -> str:
    kind = status if status in STATUSES else "other"
    return f'<span class="status {kind}">{html.escape(status)}</span>'


def _img(path: Path, alt: str) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'


def _review_kind(r: StudentResult) -> str:
    if r.status != "graded":
        return r.status if r.status in STATUSES else "failed"
    return "held" if r.held or any(f.tampering for f in r.flags) else "limit"


def _review_html(results: list[StudentResult]) -> str:
    order = {"failed": 0, "malformed": 1, "held": 2, "limit": 3}
    flagged = sorted((r for r in results if _needs_review(r)),
                     key=lambda r: (order[_review_kind(r)], r.student_id))
    if not flagged:
        return '<p class="empty">Nothing: every submission was graded within the limits and none was held.</p>'
    items = []
    for r in flagged:
        reasons = []
        for reason in r.reasons:
            shown = html.escape(_truncate(reason))
            if len(reason) > MAX_TEXT:
                shown += f"<details><summary>full message</summary><pre>{html.escape(reason)}</pre></details>"
            reasons.append(f"<li>{shown}</li>")
        reasons += [f'<li class="note">also flagged (not held): {html.escape(_truncate(str(f)))}</li>'
                    for f in r.flags if not f.tampering]
        total = f" — {_num(r.score)} / {_num(r.max_score)}" if r.status == "graded" else ""
        items.append(f'<li class="{_review_kind(r)}"><b>{html.escape(r.student_id)}</b> '
                     f'{_status_badge(r.status)}{total}<ul>{"".join(reasons)}</ul></li>')
    return f'<ul class="review">{"".join(items)}</ul>'


def _exercise_table(summary: dict) -> str:
    if not summary["exercises"]:
        return '<p class="empty">No exercises.</p>'
    rows = []
    for e in summary["exercises"]:
        rate = e["pass_rate"]
        bar = f'<span class="bar" style="width:{100 * rate:.0f}px"></span>' if rate else ""
        rows.append(f'<tr><td>{html.escape(e["name"])}</td><td class="num">{_num(e["max"])}</td>'
                    f'<td class="num">{_pct(rate)}</td><td class="barcell">{bar}</td>'
                    f'<td class="num">{_num(e["mean"]) or "–"}</td>'
                    f'<td class="num">{_pct(e["mean_fraction"])}</td></tr>')
    head = ('<tr><th>exercise</th><th class="num">points</th><th class="num">full marks</th><th></th>'
            '<th class="num">mean</th><th class="num">mean share</th></tr>')
    return f'<table><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _student_table(results: list[StudentResult], exercise_max: dict[str, float],
                   checks: dict[str, dict[str, int]] | None = None) -> str:
    if not results:
        return '<p class="empty">No submissions.</p>'
    checks = checks or {}
    head = ('<tr><th>student</th><th>status</th><th class="num">total</th>'
            + "".join(f'<th class="ex"><span>{html.escape(e)}</span></th>' for e in exercise_max)
            + '<th class="num" title="check my work: checks run before the deadline">checks</th>'
            + '<th class="num">seconds</th><th>reasons</th></tr>')
    rows = []
    for r in sorted(results, key=lambda r: r.student_id):
        graded = r.status == "graded"
        cells = []
        for e, maximum in exercise_max.items():
            if e not in r.exercises:
                cells.append('<td class="ex"></td>')
                continue
            score = r.exercises[e][0]
            kind = ("held" if e in r.held else "" if _full_marks(score, maximum) or maximum <= 0
                    else "zero" if score <= 0 else "part")
            tip = ' title="held for review"' if kind == "held" else ""
            cells.append(f'<td class="ex {kind}"{tip}>{_num(score)}</td>')
        total = f"{_num(r.score)} / {_num(r.max_score)}" if graded else "–"
        why = html.escape(_truncate(" | ".join(r.reasons)))
        used = checks.get(r.student_id, {"checked": 0, "refused": 0})
        refused = f' title="{used["refused"]} more refused"' if used["refused"] else ""
        rows.append(f'<tr class="{html.escape(r.status)}"><td class="id">{html.escape(r.student_id)}</td>'
                    f'<td>{_status_badge(r.status)}</td><td class="num">{total}</td>{"".join(cells)}'
                    f'<td class="num"{refused}>{used["checked"]}</td>'
                    f'<td class="num">{r.seconds:.1f}</td><td class="why">{why}</td></tr>')
    return (f'<div class="scroll"><table><thead>{head}</thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def render_html(assignment_id: str, results: list[StudentResult], exercise_max: dict[str, float],
                summary: dict, scores_png: Path, exercises_png: Path, title_extra: str = "",
                generated: datetime | None = None, mistakes_png: Path | None = None,
                checks: dict[str, dict[str, int]] | None = None) -> str:
    generated = generated or datetime.now()
    counts = summary["counts"]
    title = f"{assignment_id} — grading report" + (f" ({title_extra})" if title_extra else "")
    cards = [
        (summary["n"], "submissions", False),
        (counts["graded"], "graded", False),
        (counts["failed"], "failed", counts["failed"] > 0),
        (counts["malformed"], "malformed", counts["malformed"] > 0),
        *((v, k, True) for k, v in counts.items() if k not in STATUSES),
        (len(summary["review"]), "need review", len(summary["review"]) > 0),
        (_num(summary["median"]) or "–", f"median of {_num(summary['max_score'])}", False),
        (_num(summary["mean"]) or "–", f"mean of {_num(summary['max_score'])}", False),
    ]
    cards_html = "".join(f'<div class="card{" bad" if bad else ""}"><b>{html.escape(str(value))}</b>'
                         f'<span>{html.escape(label)}</span></div>' for value, label, bad in cards)
    meta = (f"Generated {generated:%Y-%m-%d %H:%M} · {summary['n']} submissions: "
            f"{counts['graded']} graded, {counts['failed']} failed, {counts['malformed']} malformed · "
            f"median {_num(summary['median']) or '–'}, mean {_num(summary['mean']) or '–'} "
            f"of {_num(summary['max_score'])} points")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<h1>{html.escape(title)}</h1>
<p class="meta">{html.escape(meta)}</p>
<div class="cards">{cards_html}</div>

<h2>Needs review ({len(summary["review"])})</h2>
{_review_html(results)}

<h2>Scores</h2>
<div class="figures">
{_img(scores_png, "histogram of total scores")}
{_img(exercises_png, "full marks and mean share of points per exercise")}
</div>

<h2>Exercises</h2>
{_exercise_table(summary)}

<h2>Known mistakes</h2>
<p class="meta">Students who lost points on an exercise, the catalogued mistakes their failed tests
matched, and how many lost points with none of them (unclear instructions, or a mistake the
catalogue does not have yet).</p>
{cohort_html(cohort(results, exercise_max))}
{_img(mistakes_png, "the most common known mistakes") if mistakes_png else ""}

<h2>Students ({summary["n"]})</h2>
<p class="meta">{html.escape(_checks_sentence(checks or {}))}</p>
{_student_table(results, exercise_max, checks)}
</main>
</body>
</html>
"""


def _checks_sentence(checks: dict[str, dict[str, int]]) -> str:
    run = sum(c["checked"] for c in checks.values())
    if not run and not any(c["refused"] for c in checks.values()):
        return "Check my work: nobody checked this assignment before the deadline."
    users = sum(1 for c in checks.values() if c["checked"])
    refused = sum(c["refused"] for c in checks.values())
    return (f"Check my work: {run} check{'s' if run != 1 else ''} by {users} student{'s' if users != 1 else ''} "
            "before the deadline"
            + (f", and {refused} requests refused (the daily limit, one still running, or the deadline passed)." if refused else ".")
            + " The checks column counts each student's.")


def write_report(assignment_id: str, results: list[StudentResult], exercise_max: dict[str, float],
                 folder: Path, *, title_extra: str = "", checks: dict[str, dict[str, int]] | None = None) -> Path:
    """Write report.csv, scores.png, exercises.png, mistakes.png and report.html into `folder`
    (created if missing); returns the path of report.html."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    summary = summarise(results, exercise_max)
    write_csv(results, exercise_max, folder / "report.csv")
    scores_png = _save(scores_figure(assignment_id, summary), folder / "scores.png")
    exercises_png = _save(exercises_figure(assignment_id, summary), folder / "exercises.png")
    mistakes_png = _save(mistakes_figure(assignment_id, cohort(results, exercise_max)),
                         folder / "mistakes.png")
    page = folder / "report.html"
    page.write_text(render_html(assignment_id, results, exercise_max, summary, scores_png, exercises_png,
                                title_extra, mistakes_png=mistakes_png, checks=checks), encoding="utf-8")
    return page
