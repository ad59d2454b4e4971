"""The course's JupyterHub (deploy/jupyterhub_config.py), started on loopback as `make hub` does.

Three students, each a Unix user whose JupyterLab the hub starts as them, use nbgrader's
Assignments service of their own server through the hub (the REST calls the Assignments tab
makes): list, fetch, submit, fetch feedback. The grader releases, collects, grades and releases
feedback. One student's Assignments tab is then opened in Chromium, logged in through the hub's
login page, and screenshotted.

Needs root and the class environment with JupyterHub (see tests/unix_class.py), and the proxy
(`make hub-setup`).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from autograder.exchange import collect
from autograder.grade import grade
from grading_class import A01, REPO, make_course
from unix_class import COURSE, STUDENT_ENV, _answer, _skip_or_fail, answers, grader, unix_class

pytestmark = pytest.mark.slow
STUDENTS = ("dlchub1", "dlchub2", "dlchub3")
PROXY = REPO / "deploy" / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "class-demo-password"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(url: str, token: str | None = None, method: str = "GET", data: dict | None = None, timeout=60):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method)
    if token:
        request.add_header("Authorization", f"token {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        text = response.read().decode()
        return response.status, (json.loads(text) if text.strip().startswith(("{", "[")) else text)


def _wait(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.25)  # polling a server that is starting, not waiting for time to pass
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def hub():
    _skip_or_fail()
    if not (STUDENT_ENV / "bin" / "jupyterhub").exists() or not PROXY.exists():
        reason = "the hub needs `make hub-setup` (JupyterHub in the class environment, and its proxy)"
        if os.environ.get("COURSE_REQUIRE_UNIX_USERS", "") not in ("", "0"):
            pytest.fail(reason)
        pytest.skip(reason)
    base = Path(tempfile.mkdtemp(prefix="dlcourse-hub-"))
    port, service_token = _free_port(), secrets.token_hex(16)
    with unix_class(STUDENTS) as exchange:
        env = dict(os.environ, DLCOURSE_HUB_PORT=str(port), DLCOURSE_HUB_API_PORT=str(_free_port()),
                   DLCOURSE_PROXY_API_PORT=str(_free_port()), DLCOURSE_HUB_STATE=str(base / "state"),
                   DLCOURSE_EXCHANGE=str(exchange), DLCOURSE_GRADERS="", DLCOURSE_STUDENTS=",".join(STUDENTS),
                   DLCOURSE_HUB_PASSWORD=PASSWORD, DLCOURSE_STUDENT_ENV=str(STUDENT_ENV),
                   DLCOURSE_HUB_SERVICE_TOKEN=service_token, DLCOURSE_PROXY=str(PROXY))
        log = open(base / "hub.log", "w")
        process = subprocess.Popen([str(STUDENT_ENV / "bin" / "jupyterhub"), "-f",
                                    str(REPO / "deploy" / "jupyterhub_config.py")],
                                   cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait(lambda: _call(f"{url}/hub/api/", timeout=5)[0] == 200, 60, "the hub to answer")
            yield dict(url=url, token=service_token, exchange=exchange, base=base)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
            subprocess.run(["pkill", "-u", ",".join(STUDENTS)], capture_output=True)  # their servers
            log.close()
            (REPO / "tests" / "artifacts").mkdir(exist_ok=True)
            shutil.copy(base / "hub.log", REPO / "tests" / "artifacts" / "hub.log")  # for a failed run
            shutil.rmtree(base, ignore_errors=True)


def _start_server(hub, user: str) -> str:
    """Start the user's server through the hub's API; return a token of the user's."""
    url, admin = hub["url"], hub["token"]
    _call(f"{url}/hub/api/users/{user}/server", admin, "POST", {})
    _wait(lambda: _call(f"{url}/hub/api/users/{user}", admin)[1]["servers"].get("", {}).get("ready"), 90,
          f"{user}'s server")
    request = urllib.request.Request(f"{url}/hub/api/users/{user}/tokens", method="POST",
                                     data=json.dumps({"note": "test", "expires_in": 3600}).encode())
    request.add_header("Authorization", f"token {admin}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["token"]


@pytest.fixture(scope="module")
def semester(hub):
    course = make_course(hub["base"] / "course", A01)
    grader("release_assignment", course, hub["exchange"])
    release, solution, partly = answers(course)
    url, tokens, listed = hub["url"], {}, {}
    for user, notebook in zip(STUDENTS, (solution, partly, release)):
        tokens[user] = token = _start_server(hub, user)
        base = f"{url}/user/{user}"
        listed[user] = _call(f"{base}/assignments?course_id={COURSE}", token)[1]
        _call(f"{base}/assignments/fetch", token, "POST", {"course_id": COURSE, "assignment_id": A01})
        _answer(user, notebook)
        _call(f"{base}/assignments/submit", token, "POST", {"course_id": COURSE, "assignment_id": A01})
    collected = collect(course, A01, hub["exchange"])
    report = grade(course, A01, log=lambda *_: None, workers=2)
    grader("release_feedback", course, hub["exchange"])
    for user in STUDENTS:
        _call(f"{url}/user/{user}/assignments/fetch_feedback", tokens[user], "POST",
              {"course_id": COURSE, "assignment_id": A01})
    after = {user: _call(f"{url}/user/{user}/assignments?course_id={COURSE}", tokens[user])[1] for user in STUDENTS}
    return dict(course=course, listed=listed, after=after, report=report, collected=collected, tokens=tokens, url=url)


def test_each_student_sees_the_released_assignment_in_their_own_server(semester):
    for user in STUDENTS:
        value = semester["listed"][user]["value"]
        assert [(a["course_id"], a["assignment_id"], a["status"]) for a in value] == [(COURSE, A01, "released")]


def test_submissions_through_the_hub_are_collected_and_graded(semester):
    assert semester["collected"].collected == list(STUDENTS) and not semester["collected"].suspect
    scores = {r.student_id: r.score for r in semester["report"].results}
    assert scores["dlchub1"] == 17.0 and 0.0 < scores["dlchub2"] < 17.0 and scores["dlchub3"] == 0.0


def test_each_student_fetched_their_own_feedback_through_the_hub(semester):
    for user in STUDENTS:
        submitted = [a for a in semester["after"][user]["value"] if a["status"] == "submitted"]
        assert submitted and any(s.get("has_local_feedback") for s in submitted[0]["submissions"]), user
        assert list(Path(f"/home/{user}/{A01}/feedback").glob(f"*/{A01}.html")), user


def test_a_student_token_cannot_reach_another_students_server(semester):
    with pytest.raises(urllib.error.HTTPError) as refused:
        _call(f"{semester['url']}/user/dlchub1/assignments?course_id={COURSE}", semester["tokens"]["dlchub2"])
    assert refused.value.code in (302, 403, 404)


@pytest.mark.browser
def test_a_student_logs_in_and_sees_the_assignment_and_its_feedback_in_the_assignments_tab(hub, semester):
    import browser
    from playwright.sync_api import sync_playwright

    reason = browser.missing_browser_reason()
    if reason is not None:
        if os.environ.get("COURSE_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    shots = REPO / "tests" / "artifacts" / "hub"
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = browser.launch_chromium(playwright)
        page = chromium.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{hub['url']}/hub/login")
        page.screenshot(path=str(shots / "1-login.png"))
        page.fill("input[name=username]", "dlchub1")
        page.fill("input[name=password]", PASSWORD)
        page.click("input[type=submit], button[type=submit]")
        page.wait_for_url("**/user/dlchub1/lab**", timeout=60_000)
        page.wait_for_selector("#jp-main-dock-panel", timeout=60_000)
        page.get_by_text("Nbgrader", exact=True).first.click()
        page.get_by_text("Assignment List", exact=True).first.click()
        row = page.get_by_text(A01).first
        row.wait_for(timeout=30_000)
        page.wait_for_timeout(500)  # the list renders its rows in two steps
        page.screenshot(path=str(shots / "2-assignments-tab.png"))
        text = page.locator("body").inner_text()
        chromium.close()
    assert A01 in text and "Submitted assignments" in text
    assert "feedback" in text.lower()


def test_students_have_no_formgrader(semester):
    with pytest.raises(urllib.error.HTTPError) as missing:
        _call(f"{semester['url']}/user/dlchub1/formgrader", semester["tokens"]["dlchub1"])
    assert missing.value.code == 404


def test_make_hub_says_what_is_missing(tmp_path):
    ran = subprocess.run([sys.executable, str(REPO / "deploy" / "demo_class.py")], capture_output=True, text=True,
                         env=dict(os.environ, DLCOURSE_STUDENT_ENV=str(tmp_path / "none")))
    assert ran.returncode == 2
    expected = "make hub needs root" if os.geteuid() != 0 else "run `make hub-setup` first"
    assert expected in ran.stderr
