"""build: regenerate release/ from source/ with nbgrader's generate_assignment.

Sources are cleaned first (outputs, execution counts and widget state removed, in place), so
what is committed stays free of them, and lecture notebooks in notebooks/ are cleaned too.
Beside each released notebook goes misconceptions.json: the fingerprints of the catalogued
mistakes' results in the visible tests, with a sentence for students (autograder/misconceptions.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from autograder import misconceptions, notebooks
from autograder.course import CourseError, assignment_ids, check_assignment, load_config, nbgrader_api
from dlcourse.checks import MISCONCEPTIONS_FILE


def clean_notebook(path: Path) -> bool:
    """Strip outputs and widget state from one notebook in place; True if it changed."""
    nb = notebooks.read(path)
    if notebooks.strip_outputs(nb):
        notebooks.write(nb, path)
        return True
    return False


def build(config_root: Path, ids: list[str] | None = None, course_root: Path | None = None,
          log=print) -> list[Path]:
    """Generate the release of each assignment in `ids` (default: all); returns the release folders.

    `course_root` (default `config_root`) is the course folder to build in; the tests build in a
    throw-away copy to prove that the committed release/ is current.
    """
    course_root = (course_root or config_root).resolve()
    ids = ids or assignment_ids(course_root)
    for assignment_id in ids:
        check_assignment(course_root, assignment_id)
    for path in sorted((course_root / "notebooks").glob("*.ipynb")):
        if clean_notebook(path):
            log(f"cleaned {path.relative_to(course_root)}")
    api = nbgrader_api(load_config(config_root, course_root))
    folders = []
    for assignment_id in ids:
        for path in sorted((course_root / "source" / assignment_id).glob("*.ipynb")):
            if clean_notebook(path):
                log(f"cleaned {path.relative_to(course_root)}")
        release = course_root / "release" / assignment_id
        if release.exists():
            shutil.rmtree(release)  # generated only: nothing here is ever edited by hand
        result = api.generate_assignment(assignment_id, force=True, create=True)
        if not result["success"]:
            raise CourseError(
                f"nbgrader generate_assignment failed for {assignment_id}:\n"
                f"{result.get('error') or ''}\n{result.get('log') or ''}"
            )
        # Known mistakes, for the visible tests' messages (see autograder/misconceptions.py). Only
        # the course itself saves a re-measured table; a throw-away copy uses it or measures anew.
        table = misconceptions.refresh(course_root, assignment_id, log,
                                       save=course_root == misconceptions.CATALOGUE.parent.resolve())
        (release / MISCONCEPTIONS_FILE).write_text(
            json.dumps(misconceptions.release_table(table), indent=1, sort_keys=True, ensure_ascii=False) + "\n")
        log(f"built release/{assignment_id}")
        folders.append(release)
    return folders
