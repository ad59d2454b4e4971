"""A student's my-work/ copy: what is missing is copied, their work is never overwritten, and a
newer release of a notebook they worked in is put beside it, with a message saying so."""

import pytest

from dlcourse import my_work


@pytest.fixture
def course(tmp_path):
    release = tmp_path / "release"
    (release / "a01").mkdir(parents=True)
    (release / "a01" / "a01.ipynb").write_text("release 1")
    (release / "a01" / "misconceptions.json").write_text("{}")
    return release, tmp_path / "my-work"


def test_the_first_run_copies_everything(course):
    release, work = course
    report = my_work.update(release, work)
    assert sorted(report["copied"]) == ["a01/a01.ipynb", "a01/misconceptions.json"]
    assert (work / "a01" / "a01.ipynb").read_text() == "release 1"


def test_a_second_run_keeps_the_students_work_when_nothing_was_released(course):
    release, work = course
    my_work.update(release, work)
    (work / "a01" / "a01.ipynb").write_text("my answers")
    report = my_work.update(release, work)
    assert report["kept"] == ["a01/a01.ipynb", "a01/misconceptions.json"] and not report["copied"]
    assert (work / "a01" / "a01.ipynb").read_text() == "my answers"


def test_a_newer_release_updates_an_untouched_notebook_and_goes_beside_a_worked_one(course):
    release, work = course
    my_work.update(release, work)
    (release / "a01" / "misconceptions.json").write_text('{"new": 1}')  # never touched by the student
    (release / "a01" / "a01.ipynb").write_text("release 2")
    (work / "a01" / "a01.ipynb").write_text("my answers")
    report = my_work.update(release, work)
    assert report["updated"] == ["a01/misconceptions.json"]
    assert report["newer release beside"] == ["a01/a01.ipynb"]
    assert (work / "a01" / "a01.ipynb").read_text() == "my answers"
    assert (work / "a01" / "a01.new-release.ipynb").read_text() == "release 2"
    message = my_work.summary(report, work)
    assert "A newer release of a01/a01.ipynb exists." in message and "a01/a01.new-release.ipynb" in message
    assert my_work.update(release, work)["newer release beside"] == []  # told once, not at every start


def test_a_missing_release_folder_is_a_clear_error(tmp_path, capsys):
    assert my_work.main(["--release", str(tmp_path / "nowhere"), "--into", str(tmp_path / "w")]) == 1
    assert "There is no release folder at" in capsys.readouterr().err
