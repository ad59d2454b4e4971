"""The TA's report (autograder.report) on a fake class: no nbgrader, no notebooks run.

Twelve submissions of a06 (17 exercises): ten graded (one at full marks, one weak, one that hit a
limit, one held for tampering, one whose student id is a <script> tag, one with a very long
message), one failed (the kernel died), one malformed. The numbers are checked against values
worked out by hand; the page is checked for escaping and self-containment; a Chromium screenshot
of the page goes to tests/artifacts/report/report_fake_class.png.
"""

from __future__ import annotations

import base64
import csv
import html
import re
import sys
from pathlib import Path

import pytest
from PIL import Image

from autograder.report import summarise, write_report
from autograder.results import Flag, StudentResult

sys.path.insert(0, str(Path(__file__).parent))

import browser  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts" / "report"
ASSIGNMENT = "a06_backprop"

# a06's exercises in notebook order, each worth its visible and hidden tests' points: 42 in all.
EXERCISE_MAX = {
    "linear_forward": 2, "linear_backward": 3, "sigmoid_forward": 2, "sigmoid_backward": 2,
    "relu_forward": 2, "relu_backward": 2, "half_squared_error": 2, "softmax_cross_entropy": 3,
    "gradient_check": 3, "init_mlp": 2, "mlp_forward": 3, "mlp_backward": 3, "sgd_step": 2,
    "momentum_step": 2, "rmsprop_step": 2, "adam_step": 3, "train_mlp": 4,
}
SCRIPT_ID = "<script>alert(1)</script>"
KERNEL_DIED = ("the kernel died while running it (os._exit, a crash or out of memory); "
               "no score recorded: review it by hand")
MALFORMED = "not a valid notebook (Expecting value: line 1 column 1 (char 0)); ask the student to resubmit"
TIMEOUT = "cell hidden_train_mlp ran past the 30 s cell timeout"
LONG_LIMIT = "cell test_momentum_step printed more than 10000 lines: " + "0.123456789 " * 100
TAMPERING = Flag("adam_step", 3, "assigns numpy.allclose (patches what the tests call)", tampering=True)
FILE_READ = Flag("mlp_forward", 2, "reads a file: open('weights.npy')")
NO_CORRECTION = "This is what comes out when the moments are used without bias correction."
ONE_BATCH = "This is what comes out when the training stops after one mini-batch."


def graded(student_id: str, points: dict[str, float] | None = None, seconds: float = 8.04,
           **kwargs) -> StudentResult:
    """A graded submission: full marks except the exercises in `points`."""
    points = points or {}
    exercises = {e: (float(points.get(e, m)), float(m)) for e, m in EXERCISE_MAX.items()}
    return StudentResult(student_id, "graded", score=sum(s for s, _ in exercises.values()),
                         max_score=42.0, seconds=seconds, exercises=exercises, **kwargs)


def fake_class() -> list[StudentResult]:
    weak = {e: 0 for e in list(EXERCISE_MAX)[5:]}  # the first five exercises only: 11 points
    return [
        graded("s01"),                                                           # 42
        graded("s02", {"train_mlp": 0}),                                         # 38
        graded("s03", {"train_mlp": 2, "adam_step": 1},
               mistakes={"adam_step": [NO_CORRECTION], "train_mlp": [ONE_BATCH]}),  # 38
        graded("s04", {"mlp_backward": 0, "train_mlp": 0}),                      # 35
        graded("s05", {"linear_backward": 1.5}, seconds=61.25),                  # 40.5
        graded("s06", weak),                                                     # 11
        graded("s07_timeout", {"train_mlp": 0}, limits=[TIMEOUT]),               # 38
        graded("s08_held", {"adam_step": 0}, held=["adam_step"], flags=[TAMPERING, FILE_READ],
               mistakes={"adam_step": [NO_CORRECTION]}),                        # 39
        graded(SCRIPT_ID, {"sgd_step": 1}),                                      # 41
        StudentResult("s10_failed", "failed", seconds=12.3, message=KERNEL_DIED),
        StudentResult("s11_malformed", "malformed", message=MALFORMED),
        graded("s12_long", {"momentum_step": 0}, limits=[LONG_LIMIT]),           # 40
    ]


@pytest.fixture()
def report(tmp_path):
    results = fake_class()
    page = write_report(ASSIGNMENT, results, EXERCISE_MAX, tmp_path / "report", title_extra="fake class")
    return page, results


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_summary_numbers_match_the_hand_computed_ones():
    s = summarise(fake_class(), EXERCISE_MAX)
    assert s["n"] == 12
    assert s["counts"] == {"graded": 10, "failed": 1, "malformed": 1}
    assert s["max_score"] == 42
    assert s["scores"] == [11, 35, 38, 38, 38, 39, 40, 40.5, 41, 42]
    assert s["median"] == 38.5
    assert s["mean"] == pytest.approx(36.25)
    assert s["review"] == sorted(["s07_timeout", "s08_held", "s10_failed", "s11_malformed", "s12_long"])
    rates = s["pass_rates"]
    assert list(rates) == list(EXERCISE_MAX)  # notebook order
    assert rates["linear_forward"] == 1.0      # everyone, the weak student too
    assert rates["linear_backward"] == 0.9     # s05 got 1.5 of 3
    assert rates["train_mlp"] == 0.5           # s02, s03, s04, s06, s07 lost points
    assert rates["adam_step"] == 0.7           # s03, s06, and s08 held at 0
    assert rates["momentum_step"] == 0.8       # s06, s12
    assert rates["sgd_step"] == 0.8            # s06, the <script> student
    train = next(e for e in s["exercises"] if e["name"] == "train_mlp")
    assert train["max"] == 4
    assert train["mean"] == pytest.approx(2.2)             # (4+0+2+0+4+0+0+4+4+4) / 10
    assert train["mean_fraction"] == pytest.approx(0.55)


def test_csv_has_a_row_per_student_and_a_column_per_exercise(report):
    page, results = report
    path = page.parent / "report.csv"
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == ["student_id", "status", "score", "max_score", "seconds", *EXERCISE_MAX, "reasons"]
    rows = read_csv(path)
    assert [r["student_id"] for r in rows] == sorted(r.student_id for r in results)
    by_id = {r["student_id"]: r for r in rows}
    s05 = by_id["s05"]
    assert (s05["status"], s05["score"], s05["max_score"], s05["seconds"]) == ("graded", "40.5", "42", "61.2")
    assert s05["linear_backward"] == "1.5" and s05["train_mlp"] == "4" and s05["reasons"] == ""
    assert by_id[SCRIPT_ID]["score"] == "41" and by_id[SCRIPT_ID]["sgd_step"] == "1"
    failed = by_id["s10_failed"]
    assert failed["status"] == "failed" and failed["score"] == "" and failed["seconds"] == "12.3"
    assert failed["reasons"] == KERNEL_DIED and failed["train_mlp"] == ""
    assert by_id["s11_malformed"]["reasons"] == MALFORMED
    assert by_id["s07_timeout"]["reasons"] == TIMEOUT
    held = by_id["s08_held"]
    assert held["adam_step"] == "0"
    assert held["reasons"] == " | ".join(["held at 0 for review (tampering): adam_step", str(TAMPERING)])
    assert by_id["s12_long"]["reasons"] == LONG_LIMIT  # the CSV keeps the whole message


def test_pngs_are_images_of_plausible_size(report):
    page, _ = report
    for name, min_height in (("scores.png", 300), ("exercises.png", 17 * 30)):
        with Image.open(page.parent / name) as image:
            image.verify()
        with Image.open(page.parent / name) as image:
            width, height = image.size
            assert image.format == "PNG"
            assert 500 <= width <= 2000 and min_height <= height <= 2500, (name, image.size)
            assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or range(1 << 16)) > 20  # not blank


def test_html_is_escaped_self_contained_and_lists_what_needs_review(report):
    page, _ = report
    text = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script" not in text.lower()  # the student's tag escaped, and no script of our own
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text)  # nothing fetched
    assert "<link" not in text and "@import" not in text
    assert "a06_backprop — grading report (fake class)" in text

    review = text[text.index("<h2>Needs review"):text.index("<h2>Scores")]
    for reason in (KERNEL_DIED, MALFORMED, TIMEOUT, "held at 0 for review (tampering): adam_step",
                   str(TAMPERING)):
        assert html.escape(reason) in review, reason
    assert "also flagged (not held)" in review and "weights.npy" in review
    for student in ("s07_timeout", "s08_held", "s10_failed", "s11_malformed", "s12_long"):
        assert f"<b>{student}</b>" in review
    for student in ("s01", "s05", "&lt;script&gt;"):
        assert f"<b>{student}" not in review

    students = text[text.index("<h2>Students"):]
    assert " …" in students and LONG_LIMIT not in students  # truncated in the table
    order = re.findall(r'<td class="id">(.*?)</td>', students)
    assert order == sorted(order) and len(order) == 12

    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)
    assert [base64.b64decode(i) for i in images] == [
        (page.parent / name).read_bytes() for name in ("scores.png", "exercises.png", "mistakes.png")]


def test_no_pyplot_figures_are_left_behind(tmp_path):
    pyplot_before = "matplotlib.pyplot" in sys.modules
    figures_before = sys.modules["matplotlib.pyplot"].get_fignums() if pyplot_before else []
    write_report(ASSIGNMENT, fake_class(), EXERCISE_MAX, tmp_path)
    assert ("matplotlib.pyplot" in sys.modules) == pyplot_before  # the report never imports pyplot
    if pyplot_before:
        assert sys.modules["matplotlib.pyplot"].get_fignums() == figures_before


def test_no_graded_submissions(tmp_path):
    results = [StudentResult("s10_failed", "failed", seconds=3.0, message=KERNEL_DIED),
               StudentResult("s11_malformed", "malformed", message=MALFORMED)]
    s = summarise(results, EXERCISE_MAX)
    assert s["counts"] == {"graded": 0, "failed": 1, "malformed": 1}
    assert s["median"] is None and s["mean"] is None and s["scores"] == []
    assert set(s["pass_rates"].values()) == {None}
    page = write_report(ASSIGNMENT, results, EXERCISE_MAX, tmp_path / "none")
    for name in ("scores.png", "exercises.png"):
        with Image.open(page.parent / name) as image:
            assert image.format == "PNG"
    text = page.read_text(encoding="utf-8")
    assert KERNEL_DIED in text and "s11_malformed" in text
    assert len(read_csv(page.parent / "report.csv")) == 2

    empty = write_report(ASSIGNMENT, [], {}, tmp_path / "empty")  # no submissions, no exercises
    assert summarise([], {})["n"] == 0 and "No submissions." in empty.read_text(encoding="utf-8")


def test_zero_max_points(tmp_path):
    exercise_max = {"ungraded_demo": 0.0, "warmup": 0.0}
    results = [StudentResult("s01", "graded", score=0.0, max_score=0.0,
                             exercises={"ungraded_demo": (0.0, 0.0), "warmup": (0.0, 0.0)})]
    s = summarise(results, exercise_max)
    assert s["max_score"] == 0 and s["median"] == 0
    assert s["pass_rates"] == {"ungraded_demo": None, "warmup": None}
    page = write_report(ASSIGNMENT, results, exercise_max, tmp_path)
    assert (page.parent / "scores.png").stat().st_size > 1000


@pytest.mark.browser
@pytest.mark.skipif(browser.missing_browser_reason() is not None, reason=browser.missing_browser_reason() or "")
def test_report_page_in_chromium(report):
    """Open the page in Chromium: it loads nothing from outside, runs nothing, shows both figures;
    a full-page screenshot goes to tests/artifacts/report/report_fake_class.png."""
    from playwright.sync_api import sync_playwright

    page_path, _ = report
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = browser.launch_chromium(p)
        try:
            context = chromium.new_context(viewport=browser.VIEWPORT)
            page = context.new_page()
            requests, dialogs, errors = [], [], []
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_path.as_uri(), wait_until="load", timeout=30_000)
            page.screenshot(path=str(ARTIFACTS / "report_fake_class.png"), full_page=True)
            images = page.eval_on_selector_all("img", "els => els.map(e => [e.complete, e.naturalWidth])")
            title = page.title()
            main_overflows = page.evaluate("document.querySelector('main').scrollWidth > "
                                           "document.querySelector('main').clientWidth")
        finally:
            chromium.close()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert dialogs == [] and errors == []
    assert len(images) == 3 and all(done and width > 400 for done, width in images), images
    assert title == "a06_backprop — grading report (fake class)"
    assert not main_overflows  # the wide student table scrolls inside its own box


def test_the_cohort_counts_each_known_mistake_and_those_who_lost_points_without_one(report):
    from autograder.cohort import cohort

    _, results = report
    rows = {row["name"]: row for row in cohort(results, EXERCISE_MAX)}
    assert rows["adam_step"]["lost"] == 3  # s03, s06 and s08_held
    assert rows["adam_step"]["mistakes"] == [(NO_CORRECTION, 2)]
    assert rows["adam_step"]["unexplained"] == 1 and rows["adam_step"]["unexplained_share"] == 1 / 3
    assert rows["train_mlp"]["mistakes"] == [(ONE_BATCH, 1)] and rows["train_mlp"]["unexplained"] == 4
    assert rows["linear_forward"] == {"name": "linear_forward", "lost": 0, "mistakes": [], "unexplained": 0,
                                      "unexplained_share": None}
    text = (report[0]).read_text()
    section = text[text.index("<h2>Known mistakes"):text.index("<h2>Students")]
    assert "<li>2 × " + NO_CORRECTION + "</li>" in section and "1 (33%)" in section


def test_the_report_counts_each_students_checks_before_the_deadline(tmp_path):
    checks = {"s01": {"checked": 3, "refused": 2}, "s02": {"checked": 1, "refused": 0}}
    page = write_report(ASSIGNMENT, fake_class(), EXERCISE_MAX, tmp_path, checks=checks).read_text()
    assert "Check my work: 4 checks by 2 students before the deadline, and 2 requests refused" in page

    def row(student):
        return page.split(f'<td class="id">{student}</td>')[1].split("</tr>")[0]
    assert '<td class="num" title="2 more refused">3</td>' in row("s01")
    assert '<td class="num">1</td>' in row("s02") and '<td class="num">0</td>' in row("s03")
    assert "nobody checked" in write_report(ASSIGNMENT, fake_class(), EXERCISE_MAX, tmp_path / "n").read_text()
