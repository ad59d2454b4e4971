"""Submissions in from Canvas's and Moodle's download zips; grades out as each one imports them."""

import csv
import shutil
import zipfile
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder import notebooks
from autograder.course import CourseError, load_config, nbgrader_api, notebook_path
from autograder.lms import collect, export
from grading_class import A01, make_course

RELEASE = (Path(__file__).resolve().parents[1] / "release" / A01 / f"{A01}.ipynb").read_bytes()
CLASS = [("s1", "Minjun", "Kim", "1001"), ("s2", "Seoyeon", "Lee", "1002"), ("s3", "Jiho", "Park", "1003")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return make_course(tmp_path_factory.mktemp("lms") / "course", A01)


@pytest.fixture
def course(built, tmp_path):
    root = tmp_path / "course"
    shutil.copytree(built, root)
    with Gradebook(nbgrader_api(load_config(root)).coursedir.db_url) as gradebook:
        for sid, first, last, lms_id in CLASS:
            gradebook.update_or_create_student(sid, first_name=first, last_name=last,
                                               email=f"{sid}@uni.example", lms_user_id=lms_id)
    return root


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def test_a_canvas_download_lands_in_submitted_and_what_cannot_be_matched_is_listed(course, tmp_path):
    download = _zip(tmp_path / "submissions.zip", {
        f"kimminjun_1001_55501_{A01}.ipynb": RELEASE,
        f"leeseoyeon_LATE_1002_55502_{A01}-1.ipynb": RELEASE,
        "parkjiho_1003_55503_notes.txt": b"my notes",
        f"choi_9999_55504_{A01}.ipynb": RELEASE,
        "homework.ipynb": RELEASE,
        f"hong_1003_55505_{A01}.ipynb": b"{not json",
        "__MACOSX/._x": b"",
    })
    report = collect(course, A01, download, "canvas")
    assert [c.split(" <- ")[0] for c in report.copied] == ["s1", "s2"] and report.late == ["s2"]
    assert notebook_path(course / "submitted" / "s1", A01).read_bytes() == RELEASE
    reasons = "\n".join(report.unmatched)
    assert "parkjiho_1003_55503_notes.txt: not a notebook" in reasons
    assert "choi_9999_55504" in reasons and "no student in the gradebook has LMS id 9999" in reasons
    assert "homework.ipynb: the name is not in canvas's download format" in reasons
    assert f"hong_1003_55505_{A01}.ipynb: not a valid notebook" in reasons
    assert not (course / "submitted" / "s3").exists()
    assert "2 new" in report.format() and "marked late by the LMS: s2" in report.format()


def test_collecting_again_keeps_the_earlier_submission_in_backups(course, tmp_path):
    first = _zip(tmp_path / "first.zip", {f"kimminjun_1001_1_{A01}.ipynb": RELEASE})
    collect(course, A01, first, "canvas")
    again = collect(course, A01, first, "canvas")
    assert again.unchanged == ["s1"] and not again.copied and not again.replaced
    changed = RELEASE.replace(b"NotImplementedError", b"NotImplementedError ")
    later = collect(course, A01, _zip(tmp_path / "later.zip", {f"kimminjun_1001_2_{A01}.ipynb": changed}), "canvas")
    assert [r.split(" <- ")[0] for r in later.replaced] == ["s1"]
    assert notebook_path(course / "submitted" / "s1", A01).read_bytes() == changed
    assert notebook_path(later.backup / "s1", A01).read_bytes() == RELEASE


def test_a_moodle_download_in_folders_or_flat_lands_in_submitted(course, tmp_path):
    download = _zip(tmp_path / "moodle.zip", {
        f"Minjun Kim_1001_assignsubmission_file_/{A01}.ipynb": RELEASE,
        f"Seoyeon Lee_1002_assignsubmission_file_{A01}.ipynb": RELEASE,
        "Jiho Park_1003_assignsubmission_onlinetext_onlinetext.html": b"<p>hi</p>",
    })
    report = collect(course, A01, download, "moodle")
    assert sorted(c.split(" <- ")[0] for c in report.copied) == ["s1", "s2"]
    assert report.unmatched == ["Jiho Park_1003_assignsubmission_onlinetext_onlinetext.html: "
                                "the name is not in moodle's download format"]


def test_a_download_that_is_not_a_zip_gets_a_clear_error(course, tmp_path):
    (tmp_path / "grades.csv").write_text("a,b\n")
    with pytest.raises(CourseError, match="not a zip file"):
        collect(course, A01, tmp_path / "grades.csv", "canvas")
    with pytest.raises(CourseError, match="Unknown LMS 'blackboard'"):
        collect(course, A01, tmp_path / "grades.csv", "blackboard")


def _score(root: Path, student: str, scores: dict[str, float], penalty: float = 0.0, manual=None) -> None:
    with Gradebook(nbgrader_api(load_config(root)).coursedir.db_url) as gradebook:
        submission = gradebook.add_submission(A01, student)
        for notebook in submission.notebooks:
            notebook.late_submission_penalty = penalty
            for grade in notebook.grades:
                grade.auto_score = scores.get(grade.name, 0.0)
                if manual and grade.name in manual:  # a TA's score for a written answer
                    grade.auto_score, grade.manual_score = None, manual[grade.name]
        gradebook.db.commit()


def _read(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def _exercise_points(release: Path) -> dict[str, float]:
    points: dict[str, float] = {}
    for cell in notebooks.read(release).cells:
        if notebooks.is_grade(cell):  # a written answer is a column of its own
            e = notebooks.exercise_of(notebooks.grade_id(cell)) or notebooks.grade_id(cell)
            points[e] = points.get(e, 0.0) + cell.metadata["nbgrader"]["points"]
    return points


def test_grades_export_as_canvas_and_moodle_import_them(course, tmp_path):
    points = _exercise_points(notebook_path(course / "release", A01))
    first, second = list(points)[:2]
    cells = {notebooks.grade_id(c): c.metadata["nbgrader"]["points"]
             for c in notebooks.read(notebook_path(course / "release", A01)).cells if notebooks.is_grade(c)}
    full = {g: cells[g] for g in cells if notebooks.exercise_of(g) in (first, second)}
    _score(course, "s1", full, manual={"written_outlier_loss": 1.5})
    _score(course, "s2", full, penalty=1.0)
    expected = sum(full.values())

    canvas = _read(export(course, A01, "canvas", tmp_path / "canvas.csv"))
    assert canvas[0][:6] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", A01]
    assert canvas[0][6:] == [f"{A01}: {e}" for e in points]
    assert canvas[1][:6] == ["Points Possible", "", "", "", "", f"{sum(points.values()):g}"]
    rows = {r[2]: r for r in canvas[2:]}
    assert rows["s1"][:6] == ["Kim, Minjun", "1001", "s1", "", "", f"{expected + 1.5:g}"]
    assert rows["s1"][6:8] == [f"{points[first]:g}", f"{points[second]:g}"]
    assert canvas[0][-1] == f"{A01}: written_outlier_loss" and rows["s1"][-1] == "1.5"
    assert set(rows["s1"][8:-1]) == {"0"}
    assert rows["s2"][5] == f"{expected - 1:g}"  # the late penalty is taken off the total
    assert rows["s3"][5:] == [""] * (1 + len(points))  # no submission: left blank, not 0

    moodle = _read(export(course, A01, "moodle", tmp_path / "moodle.csv"))
    assert moodle[0][:5] == ["ID number", "Email address", "First name", "Last name", A01]
    rows = {r[0]: r for r in moodle[1:]}
    assert rows["s1"][:5] == ["s1", "s1@uni.example", "Minjun", "Kim", f"{expected + 1.5:g}"]


def test_exporting_an_assignment_that_was_never_graded_says_what_to_do(tmp_path):
    root = make_course(tmp_path / "fresh", A01)
    with Gradebook(nbgrader_api(load_config(root)).coursedir.db_url) as gradebook:
        gradebook.remove_assignment(A01)
    with pytest.raises(CourseError, match="grade it first"):
        export(root, A01, "canvas", tmp_path / "x.csv")
