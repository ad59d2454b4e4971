"""Shared fixtures: where the course lives, and its assignments."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture()
def page_and_errors(lab):
    """For the browser suites: a Chromium page on the module's `lab` server (a fixture each browser
    module defines), and the list its console errors and page errors go into."""
    import browser

    server, _ = lab
    (REPO / "tests" / "artifacts" / "browser").mkdir(parents=True, exist_ok=True)
    with browser.chromium_page(server) as page_and_errors:
        yield page_and_errors
