"""The student bundle: what a student (or the hub's student image) gets, and nothing more.

    python -m autograder student-bundle [ASSIGNMENT ...]   -> dist/dl-foundations-student-<version>.zip

The course folder itself is for staff: `source/` holds the solutions and hidden tests, and
`autograder/` ships the catalogue of alternatives (correct answers) and mutants (one line from
one). A student gets a separate bundle instead: the `dlcourse` library, the released notebooks of
the weeks given (all by default), and a `pyproject.toml` that installs the library under the same
name `dlcourse` with only the packages a student needs. `pip install .` in the unzipped folder
works on Linux, macOS and Windows; the hub's image installs the same folder (`pip wheel` makes a
wheel of it).

Before it writes the zip, the build looks for leaks: any three consecutive code lines (or a whole
short answer) of a solution region, hidden test region, mutant or alternative found in a bundled
file. The library may contain none; the release of week W may show an earlier week's answers
(week 8 shows week 7's training loop), since the bundle that carries week W is published after
the earlier weeks have closed. A leak stops the build with the file and the lines.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from autograder import notebooks
from autograder.course import CourseError, assignment_ids, check_assignment

GRADER_ONLY = {"psycopg2-binary", "cloudpickle", "filelock"}  # the gradebook server, the judge
WINDOW = 3  # consecutive lines that make a leak; shorter answers count whole
SHORT_ANSWER_CHARS = 24  # a whole one- or two-line answer shorter than this is too common to mean a leak

STUDENT_README = """\
# Deep Learning Foundations (딥러닝 기초): your notebooks

This folder has the course library (`dlcourse`) and the released notebooks in `release/`.

Set up once, in this folder (Python 3.11):

- with conda (Linux, macOS, Windows): `conda env create -f environment.yml`, then
  `conda activate dl-foundations`;
- or with pip: `python -m pip install .` (on Linux, first
  `python -m pip install torch --index-url https://download.pytorch.org/whl/cpu` for the small
  CPU build of PyTorch).

Then, every time: `python -m dlcourse.my_work` copies the notebooks into `my-work/` (never over a
notebook you changed), and `jupyter lab my-work` opens them.
"""

STUDENT_ENVIRONMENT = """\
# conda env create -f environment.yml && conda activate dl-foundations
name: dl-foundations
channels:
  - conda-forge
dependencies:
  - python=3.11
  - pip
  - pip:
      # torch's CPU-only build (a few hundred MB instead of several GB of CUDA libraries)
      - --extra-index-url https://download.pytorch.org/whl/cpu
      - .
"""


def _code_lines(text: str) -> list[str]:
    return [s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#")]


def _regions(source: str) -> list[list[str]]:
    """The code lines of each solution and hidden-test region of a cell."""
    regions, current = [], None
    for line in source.splitlines():
        s = line.strip()
        if s.startswith("### BEGIN SOLUTION") or s == "### BEGIN HIDDEN TESTS":
            current = []
        elif s.startswith("### END SOLUTION") or s == "### END HIDDEN TESTS":
            if current is not None:
                regions.append(current)
            current = None
        elif current is not None:
            current.extend(_code_lines(line))
    return regions


def _windows(lines: list[str]) -> list[tuple[str, ...]]:
    if len(lines) < WINDOW:
        return [tuple(lines)] if sum(map(len, lines)) >= SHORT_ANSWER_CHARS else []
    return [tuple(lines[i:i + WINDOW]) for i in range(len(lines) - WINDOW + 1)]


def secret_windows(root: Path) -> dict[tuple[str, ...], set[str]]:
    """Every window of answer or hidden-test code -> the assignments it belongs to."""
    secrets: dict[tuple[str, ...], set[str]] = {}
    for assignment_id in assignment_ids(root):
        path = root / "source" / assignment_id / f"{assignment_id}.ipynb"
        for cell in notebooks.read(path).cells:
            for region in _regions(cell.source):
                for window in _windows(region):
                    secrets.setdefault(window, set()).add(assignment_id)
    for kind in ("mutants", "alternatives"):
        for path in (Path(__file__).parent / kind).glob("*/*/*.py"):
            code = path.read_text().split('"""')[-1]  # after the docstring, which says what it is
            for window in _windows(_code_lines(code)):
                secrets.setdefault(window, set()).add(path.parts[-3])
    return secrets


def leaks(bundle: Path, root: Path) -> list[str]:
    """Where the bundle shows answer or hidden-test code it must not (see the module docstring)."""
    secrets = secret_windows(root)
    found = []
    for path in sorted(p for p in bundle.rglob("*") if p.suffix in (".py", ".ipynb", ".json", ".md", ".toml")):
        if path.suffix == ".ipynb":
            text = "\n".join(cell.source for cell in notebooks.read(path).cells)
            week = path.parent.name
        else:
            text, week = path.read_text(errors="replace"), None
        lines = _code_lines(text)
        joined = "\n" + "\n".join(lines) + "\n"
        for window, owners in secrets.items():
            if f"\n{chr(10).join(window)}\n" in joined and not (week and any(o < week for o in owners)):
                found.append(f"{path.relative_to(bundle)} shows code of {', '.join(sorted(owners))}: "
                             + " / ".join(window))
    return found


def _student_pyproject(root: Path) -> str:
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    deps = [d for d in project["dependencies"] if d.split("==")[0] not in GRADER_ONLY]
    return (
        '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
        f'[project]\nname = "dlcourse"\nversion = "{project["version"]}"\n'
        'description = "Deep Learning Foundations (딥러닝 기초): the course library for students"\n'
        f'requires-python = "{project["requires-python"]}"\n'
        "dependencies = [\n" + "".join(f'    "{d}",\n' for d in deps) + "]\n\n"
        '[tool.setuptools.packages.find]\ninclude = ["dlcourse*"]\n'
    )


def build_bundle(root: Path, out: Path, assignments: list[str] | None = None) -> Path:
    """Write out/dl-foundations-student-<version>/ and its zip; return the zip's path."""
    root = root.resolve()
    ids = assignments or assignment_ids(root)
    for assignment_id in ids:
        check_assignment(root, assignment_id)
    version = tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]
    name = f"dl-foundations-student-{version}"
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
    shutil.copytree(root / "dlcourse", folder / "dlcourse", ignore=junk)
    for assignment_id in ids:
        shutil.copytree(root / "release" / assignment_id, folder / "release" / assignment_id, ignore=junk)
    (folder / "pyproject.toml").write_text(_student_pyproject(root))
    (folder / "environment.yml").write_text(STUDENT_ENVIRONMENT)
    (folder / "README.md").write_text(STUDENT_README)
    found = leaks(folder, root)
    if found:
        shutil.rmtree(folder)
        raise CourseError("the student bundle would show answers or hidden tests; nothing was written:\n  "
                          + "\n  ".join(found[:20]))
    archive = shutil.make_archive(str(out / name), "zip", root_dir=out, base_dir=name)
    return Path(archive)
