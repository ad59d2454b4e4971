"""`make demo W=NN` (dlcourse.demo): which notebook, which links, which command; no server started."""

import json
import os
import re
import urllib.parse
from pathlib import Path

import pytest

from dlcourse import demo
from dlcourse.viz.optimizer_race import OptimizerRaceExplorer


def test_a_week_is_found_by_number_or_name_and_a_wrong_one_is_told():
    assert demo.demo_notebook("6").name == "06_backprop.ipynb"
    assert demo.demo_notebook("06").name == "06_backprop.ipynb"
    assert demo.demo_notebook("06_backprop").name == "06_backprop.ipynb"
    with pytest.raises(ValueError, match="There is no lecture demo for week '9'. The demos: 01_models_and_loss"):
        demo.demo_notebook("9")


def test_the_links_name_every_setup_of_the_weeks_visualisers():
    notebook = demo.demo_notebook("06")
    assert [e.name for e in demo.visualisers_in(notebook)] == ["backprop_stepper", "optimizer_race", "playground"]
    links = demo.setup_links("http://127.0.0.1:8866/", notebook, presenter=True)
    expected = sum(len(e.SETUPS) for e in demo.visualisers_in(notebook))
    assert len(links) == expected
    diverges = next(line for line in links if "SGD diverges" in line)
    query = urllib.parse.parse_qs(diverges.split("?", 1)[1])
    assert query == {"optimizer_race": ["SGD diverges at κ = 10"], "presenter": ["1"]}
    assert "SGD diverges at κ = 10" in OptimizerRaceExplorer.SETUPS


def test_week_7_shows_no_explorer_only_training_monitors():
    assert demo.visualisers_in(demo.demo_notebook("07")) == []


def test_voila_runs_on_loopback_without_the_lab_only_extensions():
    command = demo.voila_command(demo.demo_notebook("04"), 8866)
    assert "--Voila.ip=127.0.0.1" in command and "--port=8866" in command and "--no-browser" in command
    assert "--VoilaConfiguration.extension_denylist=@jupyter/nbgrader" in command


def test_voila_uses_the_course_template_which_links_nothing_outside(monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", "/elsewhere")
    assert "--template=dlcourse" in demo.voila_command(demo.demo_notebook("04"), 8866)
    paths = demo.voila_environment()["JUPYTER_PATH"].split(os.pathsep)
    assert paths == [str(demo.TEMPLATE_ROOT), "/elsewhere"]  # first, and the user's paths kept
    template = demo.TEMPLATE_ROOT / "voila" / "templates" / "dlcourse"
    assert json.loads((template / "conf.json").read_text()) == {"base_template": "lab"}
    # What it removes is there to remove: Voilà's lab template still links these two (else drop ours).
    from jupyter_core.paths import jupyter_path

    lab = next(Path(folder) / "index.html.j2" for folder in jupyter_path("voila", "templates", "lab")
               if (Path(folder) / "index.html.j2").exists())
    removed = re.findall(r"replace\('([^']*)'", (template / "index.html.j2").read_text())
    assert len(removed) == 2 and all(link in lab.read_text() for link in removed)


def test_a_wrong_week_exits_2_with_the_reason(capsys):
    assert demo.main(["42"]) == 2
    assert "There is no lecture demo for week '42'" in capsys.readouterr().err
