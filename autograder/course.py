"""The course folder and its nbgrader configuration, shared by every autograder command."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"


class CourseError(Exception):
    """A problem the user can fix; the message says what is wrong and what to do."""


def find_course_root(start: Path | str | None = None) -> Path:
    """The nearest folder at or above `start` (default: the working directory) with nbgrader_config.py."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file() and (folder / "source").is_dir():
            return folder
    raise CourseError(
        f"No course found at or above {here}: expected a folder with {CONFIG_FILE} and source/. "
        "Run the command from the course folder, or pass --course-dir."
    )


def assignment_ids(root: Path) -> list[str]:
    """Every assignment in source/, in course order (a01_..., a02_..., ...)."""
    source = root / "source"
    return sorted(p.name for p in source.iterdir() if (p / f"{p.name}.ipynb").is_file())


def check_assignment(root: Path, assignment_id: str) -> None:
    """Fail with a helpful message if `assignment_id` is not an assignment of this course."""
    known = assignment_ids(root)
    if assignment_id not in known:
        raise CourseError(
            f"No assignment {assignment_id!r} in {root / 'source'}. Known: {', '.join(known) or 'none'}."
        )


def load_config(config_root: Path, course_root: Path | None = None) -> Config:
    """The course's nbgrader_config.py, with the course folder set to `course_root`.

    `course_root` differs from `config_root` when the verify step grades in a throw-away copy:
    the settings stay the course's own, only the folders (and so the gradebook) move.
    """
    loader = PyFileConfigLoader(CONFIG_FILE, path=str(config_root))
    config = loader.load_config()
    config.CourseDirectory.root = str((course_root or config_root).resolve())
    return config


def nbgrader_api(config: Config):
    """An NbGraderAPI for `config`, with the environment nbgrader's helpers need."""
    import warnings

    from nbgrader.apps import NbGraderAPI
    from sqlalchemy.exc import SAWarning

    # nbgrader 0.9.6's own session handling warns on every autograde; nothing for a TA to act on.
    warnings.filterwarnings("ignore", category=SAWarning)

    # nbgrader shells out to `alembic` for the gradebook: make this environment's bin/ findable.
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    return NbGraderAPI(config=config)


def notebook_path(folder: Path, assignment_id: str) -> Path:
    """Where an assignment's notebook lies inside one of the course's folders."""
    return folder / assignment_id / f"{assignment_id}.ipynb"


def own_gradebook(course: Path) -> None:
    """Point a throw-away copy's nbgrader_config.py at the copy's own SQLite gradebook, and prove
    it does: where the course's config names its gradebook (PostgreSQL, say), a check or verify
    in the copy would otherwise write the course's real one."""
    own = f"sqlite:///{course.resolve() / 'gradebook.db'}"
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"\nc.CourseDirectory.db_url = {own!r}  # a throw-away copy: never the course's gradebook\n")
    if nbgrader_api(load_config(course)).coursedir.db_url != own:
        raise CourseError(f"The copy of the course in {course} does not use its own gradebook; check "
                          "c.CourseDirectory.db_url in nbgrader_config.py.")
