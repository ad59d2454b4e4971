"""The student bundle holds the library and the releases, installs as `dlcourse`, and shows no answer."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from autograder import notebooks
from autograder.course import CourseError
from autograder.student_bundle import build_bundle, leaks

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    archive = build_bundle(REPO, out)
    return archive, out / archive.stem


def test_the_bundle_holds_the_library_and_the_releases_only(bundle):
    archive, folder = bundle
    top = sorted(p.name for p in folder.iterdir())
    assert top == ["README.md", "dlcourse", "environment.yml", "pyproject.toml", "release"]
    names = zipfile.ZipFile(archive).namelist()
    assert not [n for n in names if "/autograder/" in n or "/source/" in n or "/tests/" in n or "__pycache__" in n]
    assert sorted(p.name for p in (folder / "release").iterdir()) == sorted(p.name for p in (REPO / "release").iterdir())


def test_the_bundle_shows_no_solution_hidden_test_mutant_or_alternative(bundle):
    assert leaks(bundle[1], REPO) == []


def _answer_of(assignment_id: str, exercise: str) -> str:
    nb = notebooks.read(REPO / "source" / assignment_id / f"{assignment_id}.ipynb")
    return next(c.source for c in nb.cells if notebooks.grade_id(c) == exercise)


def test_an_answer_copied_into_the_library_or_an_earlier_week_is_found(bundle, tmp_path):
    folder = tmp_path / "bundle"
    shutil.copytree(bundle[1], folder)
    (folder / "dlcourse" / "helpers.py").write_text(_answer_of("a06_backprop", "linear_backward"))
    earlier = notebooks.read(folder / "release" / "a02_gradient_descent" / "a02_gradient_descent.ipynb")
    earlier.cells[-1].source += "\n" + _answer_of("a07_pytorch", "train_one_epoch")
    notebooks.write(earlier, folder / "release" / "a02_gradient_descent" / "a02_gradient_descent.ipynb")
    found = leaks(folder, REPO)
    assert any(f.startswith("dlcourse/helpers.py shows code of a06_backprop") for f in found), found
    assert any(f.startswith("release/a02_gradient_descent/a02_gradient_descent.ipynb shows code of a07_pytorch")
               for f in found), found


def test_an_alternative_answer_in_the_library_is_found(bundle, tmp_path):
    folder = tmp_path / "bundle"
    shutil.copytree(bundle[1], folder)
    alternative = next((REPO / "autograder" / "alternatives" / "a06_backprop").glob("*/*.py"))
    shutil.copy(alternative, folder / "dlcourse" / "extra.py")
    assert any(f.startswith("dlcourse/extra.py") for f in leaks(folder, REPO))


def test_a_bundle_that_would_leak_is_not_written(tmp_path, monkeypatch):
    import autograder.student_bundle as sb
    monkeypatch.setattr(sb, "leaks", lambda folder, root: ["dlcourse/x.py shows code of a01_models_and_loss: ..."])
    with pytest.raises(CourseError, match="nothing was written"):
        build_bundle(REPO, tmp_path, ["a01_models_and_loss"])
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_the_bundle_installs_as_dlcourse_without_the_grader_and_copies_the_notebooks(bundle, tmp_path):
    folder = bundle[1]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path / "wheels"), str(folder)], check=True, cwd=tmp_path)
    wheel = next((tmp_path / "wheels").glob("dlcourse-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"dlcourse", wheel.name.split("-py3")[0] + ".dist-info"}
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    requires = [line.split(" ")[1].split("==")[0] for line in metadata.splitlines() if line.startswith("Requires-Dist")]
    assert "nbgrader" in requires and "torch" in requires
    assert not {"psycopg2-binary", "cloudpickle", "filelock"} & set(requires)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(tmp_path / "site"), str(wheel)], check=True, cwd=tmp_path)
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    ran = subprocess.run([sys.executable, "-c", "import dlcourse, dlcourse.checks, dlcourse.viz; print(dlcourse.__file__)"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert ran.stdout.startswith(str(tmp_path / "site"))
    subprocess.run([sys.executable, "-m", "dlcourse.my_work", "--release", str(folder / "release"),
                    "--into", "my-work"], env=env, cwd=tmp_path, check=True, capture_output=True)
    assert (tmp_path / "my-work" / "a01_models_and_loss" / "a01_models_and_loss.ipynb").is_file()
