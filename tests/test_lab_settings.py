"""The JupyterLab settings the course installs: merged into overrides.json, never clobbering others."""

import json

import pytest

from dlcourse import lab_settings


def test_install_writes_comms_over_subshells_disabled(tmp_path):
    path = lab_settings.install(tmp_path)
    assert path == tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/apputils-extension:kernels-settings"]["commsOverSubshells"] == "disabled"


def test_install_keeps_existing_overrides(tmp_path):
    path = lab_settings.overrides_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"},
                                "@jupyterlab/apputils-extension:kernels-settings": {"other": 1}}))
    settings = json.loads(lab_settings.install(tmp_path).read_text())
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert settings["@jupyterlab/apputils-extension:kernels-settings"] == {"other": 1, "commsOverSubshells": "disabled"}


def test_invalid_overrides_file_is_a_clear_error_and_left_alone(tmp_path):
    path = lab_settings.overrides_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    with pytest.raises(SystemExit, match="not valid JSON"):
        lab_settings.install(tmp_path)
    assert path.read_text() == "{not json"


def test_the_setting_names_a_real_jupyterlab_option():
    """The key and value exist in the installed JupyterLab's own schema (a renamed option would be ignored)."""
    import sys
    from pathlib import Path

    schema = Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab/apputils-extension/kernels-settings.json"
    if not schema.exists():
        pytest.skip(f"JupyterLab's schemas are not at {schema}")
    options = json.loads(schema.read_text())["properties"]["commsOverSubshells"]["oneOf"]
    assert "disabled" in [option["const"] for option in options]
