"""The environment the tests rely on: where CI requires the browser or PostgreSQL tests, they must
not be skipped."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import browser  # noqa: E402
import postgres_server  # noqa: E402


def test_browser_tests_are_not_skipped_where_they_are_required():
    reason = browser.missing_browser_reason()
    if os.environ.get("COURSE_REQUIRE_BROWSER"):
        assert reason is None, f"COURSE_REQUIRE_BROWSER is set but the browser test would be skipped: {reason}"


def test_postgres_tests_are_not_skipped_where_they_are_required():
    reason = postgres_server.postgres_available()
    if os.environ.get("COURSE_REQUIRE_POSTGRES", "") not in ("", "0"):
        assert reason is None, f"COURSE_REQUIRE_POSTGRES is set but the PostgreSQL tests would be skipped: {reason}"


def test_python_is_the_course_version():
    assert sys.version_info[:2] == (3, 11)
