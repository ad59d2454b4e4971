"""The LMS at both ends: submissions in from an LMS download, grades out in a file the LMS imports.

    python -m autograder lms-collect ASSIGNMENT DOWNLOAD.zip --lms canvas|moodle
    python -m autograder lms-export ASSIGNMENT --lms canvas|moodle [--out FILE]

**In.** Canvas's "Download Submissions" zip names each file
`<sortable name>[_LATE]_<user id>_<submission id>_<the student's file name>`; Moodle's "Download
all submissions" names a folder (or a file prefix) `<Full Name>_<participant id>_assignsubmission_file_`.
The number is the student's LMS id. It is matched to a student of the gradebook by their
`lms_user_id` (import the roster once: `nbgrader db student import roster.csv`, with columns
id, first_name, last_name, email, lms_user_id) or, failing that, by the student id itself.
Each matched notebook goes to `submitted/<student>/<assignment>/<assignment>.ipynb`. Nothing is
lost: a file that cannot be matched is listed with the reason and left in the zip, and a
submission that is already there and differs is moved to `backups/` before the new one replaces it.

**Out.** One row per student of the gradebook: the assignment's score after the late penalty, and
one column per exercise. Canvas's gradebook import wants Student, ID, SIS User ID, SIS Login ID
and Section first, then one column per assignment (a new column name makes a new assignment) and a
"Points Possible" row; Moodle's grade import ("Import > CSV file") maps a column such as
"ID number" or "Email address" to its users and each other column to a grade item.
"""

from __future__ import annotations

import csv
import datetime
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import nbformat

from autograder import notebooks
from autograder.course import CourseError, check_assignment, load_config, nbgrader_api, notebook_path

LMS_NAMES = ("canvas", "moodle")
CANVAS_FILE = re.compile(r"^(?P<name>[^_/]+)(?P<late>_LATE)?_(?P<lms_id>\d+)_(?P<submission>\d+)_(?P<file>.+)$")
MOODLE_ENTRY = re.compile(r"^(?:.*/)?(?P<name>[^/_]+)_(?P<lms_id>\d+)_assignsubmission_file_/?(?P<file>[^/]+)$")


@dataclass
class CollectReport:
    assignment_id: str
    copied: list[str] = field(default_factory=list)       # "student <- entry"
    replaced: list[str] = field(default_factory=list)     # the earlier one is in backups/
    unchanged: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)         # students the LMS marked late
    unmatched: list[str] = field(default_factory=list)    # "entry: why"
    backup: Path | None = None

    def format(self) -> str:
        lines = [f"lms-collect {self.assignment_id}: {len(self.copied)} new, {len(self.replaced)} replaced, "
                 f"{len(self.unchanged)} unchanged, {len(self.unmatched)} not matched"]
        if self.replaced:
            lines.append(f"  earlier submissions kept in {self.backup}")
        if self.late:
            lines.append(f"  marked late by the LMS: {', '.join(self.late)}")
        if self.unmatched:
            lines.append("  not collected (still in the zip):")
            lines += [f"    {line}" for line in self.unmatched]
        return "\n".join(lines)


def _parse(entry: str, lms: str) -> tuple[str, str, bool] | None:
    """(LMS id, the student's file name, marked late) for an entry of the download, or None."""
    if lms == "canvas":
        match = CANVAS_FILE.match(PurePosixPath(entry).name)
        return (match["lms_id"], match["file"], bool(match["late"])) if match else None
    match = MOODLE_ENTRY.match(entry)
    return (match["lms_id"], match["file"], False) if match else None


def _roster(api) -> dict[str, str]:
    """LMS id -> student id, from the gradebook (a student id also stands for itself)."""
    from nbgrader.api import Gradebook

    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        students = [(s.id, s.lms_user_id) for s in gradebook.students]
    roster = {sid: sid for sid, _ in students}
    roster.update({str(lms_id): sid for sid, lms_id in students if lms_id})
    return roster


def collect(root: Path, assignment_id: str, download: Path, lms: str) -> CollectReport:
    """Copy each student's notebook from an LMS download into submitted/ (see the module docstring)."""
    if lms not in LMS_NAMES:
        raise CourseError(f"Unknown LMS {lms!r}: use one of {', '.join(LMS_NAMES)}.")
    check_assignment(root, assignment_id)
    if not zipfile.is_zipfile(download):
        raise CourseError(f"{download} is not a zip file: download the submissions from {lms} as one zip.")
    api = nbgrader_api(load_config(root))
    roster = _roster(api)
    report = CollectReport(assignment_id)
    chosen: dict[str, list[tuple[str, bool]]] = {}
    with zipfile.ZipFile(download) as archive:
        for entry in archive.namelist():
            name = PurePosixPath(entry).name
            if entry.endswith("/") or entry.startswith("__MACOSX/") or name.startswith("."):
                continue
            parsed = _parse(entry, lms)
            if parsed is None:
                report.unmatched.append(f"{entry}: the name is not in {lms}'s download format")
                continue
            lms_id, file_name, late = parsed
            if not file_name.endswith(".ipynb"):
                report.unmatched.append(f"{entry}: not a notebook (.ipynb)")
                continue
            student = roster.get(lms_id)
            if student is None:
                report.unmatched.append(f"{entry}: no student in the gradebook has LMS id {lms_id} "
                                        "(add them: nbgrader db student add ID --lms-user-id ...)")
                continue
            chosen.setdefault(student, []).append((entry, late))
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        for student, entries in sorted(chosen.items()):
            if len(entries) > 1:  # several notebooks: take the one named like the assignment
                named = [e for e in entries if assignment_id in PurePosixPath(e[0]).name]
                if len(named) != 1:
                    report.unmatched += [f"{e}: {student} sent {len(entries)} notebooks; "
                                         "put the one to grade in submitted/ by hand" for e, _ in entries]
                    continue
                entries = named
            entry, late = entries[0]
            data = archive.read(entry)
            try:
                nbformat.reads(data.decode("utf-8"), as_version=4)
            except Exception as error:  # noqa: BLE001 - any reason it is not a notebook
                report.unmatched.append(f"{entry}: not a valid notebook ({type(error).__name__}); ask {student}")
                continue
            target = notebook_path(root / "submitted" / student, assignment_id)
            if target.exists():
                if target.read_bytes() == data:
                    report.unchanged.append(student)
                    continue
                report.backup = root / "backups" / f"lms-collect-{stamp}"
                keep = report.backup / student / assignment_id
                keep.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(target.parent), str(keep))
                report.replaced.append(f"{student} <- {entry}")
            else:
                report.copied.append(f"{student} <- {entry}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            if late:
                report.late.append(student)
    return report


def _part(grade_name: str) -> str:
    """The column a grade cell counts in: its exercise, or a written answer's own name."""
    return notebooks.exercise_of(grade_name) or grade_name


def _parts(root: Path, assignment_id: str) -> dict[str, float]:
    """Exercise (or written answer) -> its points, in notebook order."""
    points: dict[str, float] = {}
    for cell in notebooks.read(notebook_path(root / "release", assignment_id)).cells:
        if notebooks.is_grade(cell):
            part = _part(notebooks.grade_id(cell))
            points[part] = points.get(part, 0.0) + float(cell.metadata["nbgrader"].get("points", 0))
    return points


def class_scores(root: Path, assignment_id: str) -> tuple[list[dict], list[str], float]:
    """One dict per gradebook student (id, names, email, lms id, score, exercises: written answers
    count as parts of their own), the parts in notebook order, and the assignment's maximum score.
    A student without a submission has score None."""
    from nbgrader.api import Gradebook, MissingEntry

    check_assignment(root, assignment_id)
    api = nbgrader_api(load_config(root))
    order = list(_parts(root, assignment_id))
    rows = []
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        try:
            max_score = float(gradebook.find_assignment(assignment_id).max_score)
        except MissingEntry:
            raise CourseError(f"{assignment_id} is not in the gradebook yet: grade it first "
                              f"(make grade A={assignment_id}).") from None
        for student in gradebook.students:
            row = dict(id=student.id, first_name=student.first_name or "", last_name=student.last_name or "",
                       email=student.email or "", lms_user_id=student.lms_user_id or "", score=None, exercises={})
            try:
                submission = gradebook.find_submission(assignment_id, student.id)
            except MissingEntry:
                rows.append(row)
                continue
            row["score"] = max(0.0, float(submission.score) - float(submission.late_submission_penalty or 0.0))
            for notebook in submission.notebooks:
                for grade in notebook.grades:  # a TA's manual score wins over the autograder's
                    score = grade.manual_score if grade.manual_score is not None else (grade.auto_score or 0.0)
                    part = _part(grade.name)
                    row["exercises"][part] = row["exercises"].get(part, 0.0) + float(score)
            rows.append(row)
    return rows, order, max_score


def _number(value) -> str:
    return "" if value is None else f"{value:g}"


def export(root: Path, assignment_id: str, lms: str, out: Path) -> Path:
    """Write the assignment's grades as `lms` imports them (see the module docstring)."""
    if lms not in LMS_NAMES:
        raise CourseError(f"Unknown LMS {lms!r}: use one of {', '.join(LMS_NAMES)}.")
    rows, order, max_score = class_scores(root, assignment_id)
    maxima = _parts(root, assignment_id)
    columns = [assignment_id] + [f"{assignment_id}: {e}" for e in order]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if lms == "canvas":
            writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] + columns)
            writer.writerow(["Points Possible", "", "", "", ""] + [_number(max_score)]
                            + [_number(maxima[e]) for e in order])
            for r in rows:
                name = ", ".join(x for x in (r["last_name"], r["first_name"]) if x) or r["id"]
                writer.writerow([name, r["lms_user_id"], r["id"], "", ""] + _scores(r, order))
        else:
            writer.writerow(["ID number", "Email address", "First name", "Last name"] + columns)
            for r in rows:
                writer.writerow([r["id"], r["email"], r["first_name"], r["last_name"]] + _scores(r, order))
    return out


def _scores(row: dict, order: list[str]) -> list[str]:
    if row["score"] is None:  # no submission: an empty cell, which both LMSs leave ungraded
        return [""] * (1 + len(order))
    return [_number(row["score"])] + [_number(row["exercises"].get(e, 0.0)) for e in order]
