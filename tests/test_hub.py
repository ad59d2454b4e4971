"""The course's JupyterHub (deploy/jupyterhub_config.py), started on loopback as `make hub` does.

Three students, each a Unix user whose JupyterLab the hub starts as them, use nbgrader's
Assignments service of their own server through the hub (the REST calls the Assignments tab
makes): list, fetch, submit, fetch feedback. One of them checks their work before submitting,
from the environment of a kernel of theirs, through the hub's "check my work" service. The
grader releases, collects, grades and releases feedback. In Chromium, one student's Assignments
tab is opened after logging in through the hub's login page, and the grader opens Formgrader in
its own tab, sees the class's scores and grades a written answer; each page is screenshotted.

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

from autograder.check_my_work import read_log
from autograder.exchange import collect
from autograder.grade import grade
from grading_class import A01, REPO, make_course
from unix_class import COURSE, STUDENT_ENV, _answer, _skip_or_fail, answers, grader, unix_class

pytestmark = pytest.mark.slow
STUDENTS = ("dlchub1", "dlchub2", "dlchub3")
BROWSER_STUDENT = "dlchub4"  # fetches, submits (as released: 0 points) and fetches feedback in Chromium
GRADER = "dlcgrade1"
CHECKS_PER_DAY = 2
WRITTEN = "written_outlier_loss"  # a01's written answer, graded by the TA in Formgrader
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
    with unix_class(STUDENTS + (BROWSER_STUDENT, GRADER)) as exchange:
        # The course lives in the grader's home, as on a real hub; the test grades it as root.
        course = make_course(Path(f"/home/{GRADER}/course"), A01)
        _give_to_grader(course)
        env = dict(os.environ, DLCOURSE_HUB_PORT=str(port), DLCOURSE_HUB_API_PORT=str(_free_port()),
                   DLCOURSE_PROXY_API_PORT=str(_free_port()), DLCOURSE_HUB_STATE=str(base / "state"),
                   DLCOURSE_EXCHANGE=str(exchange), DLCOURSE_GRADERS=GRADER, DLCOURSE_STUDENTS=",".join(STUDENTS + (BROWSER_STUDENT,)),
                   DLCOURSE_HUB_PASSWORD=PASSWORD, DLCOURSE_STUDENT_ENV=str(STUDENT_ENV),
                   DLCOURSE_HUB_SERVICE_TOKEN=service_token, DLCOURSE_PROXY=str(PROXY),
                   DLCOURSE_COURSE=str(course), DLCOURSE_COURSE_PYTHON=sys.executable,
                   DLCOURSE_CHECK_PORT=str(_free_port()), DLCOURSE_CHECKS_PER_DAY=str(CHECKS_PER_DAY))
        log = open(base / "hub.log", "w")
        process = subprocess.Popen([str(STUDENT_ENV / "bin" / "jupyterhub"), "-f",
                                    str(REPO / "deploy" / "jupyterhub_config.py")],
                                   cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait(lambda: _call(f"{url}/hub/api/", timeout=5)[0] == 200, 60, "the hub to answer")
            _wait(lambda: _call(f"{url}/services/check-my-work/", timeout=5)[0] == 200, 60, "the check service")
            yield dict(url=url, token=service_token, exchange=exchange, base=base, course=course)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
            # Their servers, and the check service: the hub leaves its managed service running.
            subprocess.run(["pkill", "-u", ",".join(STUDENTS + (BROWSER_STUDENT, GRADER))], capture_output=True)
            subprocess.run(["pkill", "-f", "--", f"--course-dir {course} check-service"], capture_output=True)
            log.close()
            (REPO / "tests" / "artifacts").mkdir(exist_ok=True)
            shutil.copy(base / "hub.log", REPO / "tests" / "artifacts" / "hub.log")  # for a failed run
            shutil.rmtree(base, ignore_errors=True)


def _give_to_grader(course: Path) -> None:
    subprocess.run(["chown", "-R", f"{GRADER}:{GRADER}", str(course)], check=True)


def _kernel_environment(hub, user: str, token: str) -> dict[str, str]:
    """Start a kernel in the user's server; the environment it runs with (as root reads it)."""
    before = set(subprocess.run(["pgrep", "-u", user, "-f", "ipykernel"], capture_output=True, text=True).stdout.split())
    _call(f"{hub['url']}/user/{user}/api/kernels", token, "POST", None)
    found: list[str] = []

    def started() -> bool:
        now = subprocess.run(["pgrep", "-u", user, "-f", "ipykernel"], capture_output=True, text=True).stdout.split()
        found[:] = [pid for pid in now if pid not in before]
        return bool(found)
    _wait(started, 60, f"{user}'s kernel")
    raw = Path(f"/proc/{found[0]}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


def _check_as(user: str, environment: dict[str, str], client: Path) -> subprocess.CompletedProcess:
    """Run the student's check_my_work as `user` in their copy of the assignment, with `environment`."""
    env = {key: environment[key] for key in ("JUPYTERHUB_API_TOKEN", "DLCOURSE_CHECK_URL") if key in environment}
    env.update(HOME=f"/home/{user}", USER=user, PATH=f"{STUDENT_ENV}/bin:/usr/bin:/bin", LANG="C.UTF-8")
    return subprocess.run([shutil.which("runuser"), "-u", user, "--", str(STUDENT_ENV / "bin" / "python"), str(client),
                           f"{A01}.ipynb"], cwd=f"/home/{user}/{A01}", env=env, capture_output=True, text=True,
                          timeout=600)


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
    course = hub["course"]
    grader("release_assignment", course, hub["exchange"])
    release, solution, partly = answers(course)
    url, tokens, listed, checks, kernel_env = hub["url"], {}, {}, [], {}
    client_dir = Path(tempfile.mkdtemp(prefix="dlcourse-client-"))
    client_dir.chmod(0o755)
    client = Path(shutil.copy(REPO / "dlcourse" / "check_my_work.py", client_dir))
    client.chmod(0o644)
    for user, notebook in zip(STUDENTS, (solution, partly, release)):
        tokens[user] = token = _start_server(hub, user)
        base = f"{url}/user/{user}"
        listed[user] = _call(f"{base}/assignments?course_id={COURSE}", token)[1]
        _call(f"{base}/assignments/fetch", token, "POST", {"course_id": COURSE, "assignment_id": A01})
        _answer(user, notebook)
        if user == "dlchub2":  # checks their work before submitting, one more time than allowed
            kernel_env = _kernel_environment(hub, user, token)
            checks = [_check_as(user, kernel_env, client) for _ in range(CHECKS_PER_DAY + 1)]
        _call(f"{base}/assignments/submit", token, "POST", {"course_id": COURSE, "assignment_id": A01})
    shutil.rmtree(client_dir)
    browser_student = _missing_browser() is None
    if browser_student:
        _in_assignments_tab(url, BROWSER_STUDENT, _fetch_and_submit(hub["exchange"]), "6-student-submitted.png")
    collected = collect(course, A01, hub["exchange"])
    report = grade(course, A01, log=lambda *_: None, workers=2)
    _give_to_grader(course)  # graded as root; Formgrader runs as the grader
    grader("release_feedback", course, hub["exchange"])
    for user in STUDENTS:
        _call(f"{url}/user/{user}/assignments/fetch_feedback", tokens[user], "POST",
              {"course_id": COURSE, "assignment_id": A01})
    after = {user: _call(f"{url}/user/{user}/assignments?course_id={COURSE}", tokens[user])[1] for user in STUDENTS}
    feedback_tab = (_in_assignments_tab(url, BROWSER_STUDENT, _fetch_feedback, "7-student-feedback-fetched.png")
                    if browser_student else None)
    return dict(course=course, listed=listed, after=after, report=report, collected=collected, tokens=tokens, url=url,
                checks=checks, kernel_env=kernel_env, browser_student=browser_student, feedback_tab=feedback_tab)


def _missing_browser() -> str | None:
    """Why there is no browser here (None: there is one); fails instead where CI requires one."""
    import browser

    reason = browser.missing_browser_reason()
    if reason is not None and os.environ.get("COURSE_REQUIRE_BROWSER"):
        pytest.fail(reason)
    return reason


def _shots() -> Path:
    shots = REPO / "tests" / "artifacts" / "hub"
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def _open_assignment_list(page) -> None:
    page.wait_for_selector("#jp-main-dock-panel", timeout=60_000)
    page.get_by_text("Nbgrader", exact=True).first.click()
    page.get_by_text("Assignment List", exact=True).first.click()
    page.get_by_text(A01).first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)  # the list renders its rows in two steps


def _in_assignments_tab(url: str, user: str, action, screenshot: str) -> str:
    """Log `user` in through the hub's login page in Chromium, open the Assignments tab, do
    `action(page)` there, screenshot it; the tab's text."""
    import browser
    from playwright.sync_api import sync_playwright

    shots = _shots()
    with sync_playwright() as playwright:
        chromium = browser.launch_chromium(playwright)
        try:
            page = chromium.new_page(viewport={"width": 1280, "height": 800})
            _log_in(page, url, user)
            _open_assignment_list(page)
            action(page)
            page.screenshot(path=str(shots / screenshot))
            return page.locator("body").inner_text()
        finally:
            chromium.close()


def _fetch_and_submit(exchange: Path):
    def action(page) -> None:
        page.get_by_role("button", name="Fetch", exact=True).click()
        page.get_by_role("button", name="Submit", exact=True).click(timeout=30_000)
        inbound = exchange / COURSE / "inbound"
        _wait(lambda: any(p.name.startswith(BROWSER_STUDENT + "+") for p in inbound.iterdir()), 60,
              "the browser student's submission in the exchange")
        page.get_by_role("button", name="Fetch Feedback").wait_for(timeout=30_000)  # the submitted list
    return action


def _fetch_feedback(page) -> None:
    page.get_by_role("button", name="Fetch Feedback").click()
    page.get_by_text("(view feedback)").first.wait_for(timeout=30_000)


def test_each_student_sees_the_released_assignment_in_their_own_server(semester):
    for user in STUDENTS:
        value = semester["listed"][user]["value"]
        assert [(a["course_id"], a["assignment_id"], a["status"]) for a in value] == [(COURSE, A01, "released")]


def test_submissions_through_the_hub_are_collected_and_graded(semester):
    expected = list(STUDENTS) + ([BROWSER_STUDENT] if semester["browser_student"] else [])
    assert semester["collected"].collected == expected and not semester["collected"].suspect
    scores = {r.student_id: r.score for r in semester["report"].results}
    assert scores["dlchub1"] == 17.0 and 0.0 < scores["dlchub2"] < 17.0 and scores["dlchub3"] == 0.0


@pytest.mark.browser
def test_a_student_fetches_submits_and_fetches_feedback_with_the_assignments_tabs_buttons(semester):
    if not semester["browser_student"]:
        pytest.skip("no browser here (the semester ran without its browser student)")
    scores = {r.student_id: r.score for r in semester["report"].results}
    assert scores[BROWSER_STUDENT] == 0.0  # submitted as released
    assert "(view feedback)" in semester["feedback_tab"]
    assert list(Path(f"/home/{BROWSER_STUDENT}/{A01}/feedback").glob(f"*/{A01}.html"))


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
    from playwright.sync_api import sync_playwright

    browser, shots = _screenshot_browser()
    with sync_playwright() as playwright:
        chromium = browser.launch_chromium(playwright)
        page = chromium.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{hub['url']}/hub/login")
        page.screenshot(path=str(shots / "1-login.png"))
        _log_in(page, hub["url"], "dlchub1")
        _open_assignment_list(page)
        page.screenshot(path=str(shots / "2-assignments-tab.png"))
        text = page.locator("body").inner_text()
        chromium.close()
    assert A01 in text and "Submitted assignments" in text
    assert "feedback" in text.lower()


def test_a_student_checks_their_work_from_a_kernel_and_sees_only_pass_or_not_yet(semester):
    assert {"JUPYTERHUB_API_TOKEN", "DLCOURSE_CHECK_URL"} <= set(semester["kernel_env"])
    first, second, third = semester["checks"]
    assert first.returncode == 0, first.stdout + first.stderr
    assert "check 1 of 2 today" in first.stdout and "check 2 of 2 today" in second.stdout
    assert "✓ passed   predict" in first.stdout
    assert "✗ not yet  mae" in first.stdout and "✗ not yet  mse" in first.stdout
    assert "Written answers are graded by a TA" in first.stdout
    assert "hidden" not in first.stdout.lower().replace("hidden tests", "")  # no test code, names or values
    assert third.returncode == 1 and "You have used your 2 checks" in third.stdout
    rows = read_log(semester["course"], A01)
    assert [(r["student"], r["event"]) for r in rows] == [("dlchub2", "checked")] * 2 + [("dlchub2", "refused")]


def test_the_ta_report_shows_how_many_checks_each_student_used(semester):
    page = semester["report"].report_html.read_text()
    assert "Check my work: 2 checks by 1 student before the deadline, and 1 requests refused" in page
    row = page.split('<td class="id">dlchub2</td>')[1].split("</tr>")[0]
    assert '<td class="num" title="1 more refused">2</td>' in row


def _post_check(url: str, token: str | None) -> tuple[int, dict]:
    request = urllib.request.Request(f"{url}/services/check-my-work/check/{A01}", data=b"{}", method="POST")
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_check_service_takes_only_a_students_own_hub_token(hub, semester):
    assert _post_check(hub["url"], None)[0] == 401
    status, reply = _post_check(hub["url"], "not-a-token-" + secrets.token_hex(8))
    assert status == 403 and "does not accept this token" in reply["error"]
    status, reply = _post_check(hub["url"], hub["token"])  # a service's token is nobody's work
    assert status == 403 and "student's own token" in reply["error"]
    assert {r["student"] for r in read_log(semester["course"], A01)} == {"dlchub2"}


def _screenshot_browser():
    import browser

    reason = _missing_browser()
    if reason is not None:
        pytest.skip(reason)
    return browser, _shots()


def _log_in(page, url: str, user: str) -> None:
    page.goto(f"{url}/hub/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(f"**/user/{user}/lab**", timeout=60_000)


@pytest.mark.browser
def test_a_grader_opens_formgrader_in_its_own_tab_sees_the_scores_and_grades_a_written_answer(hub, semester):
    from nbgrader.api import Gradebook
    from playwright.sync_api import sync_playwright

    browser, shots = _screenshot_browser()
    base = f"{hub['url']}/user/{GRADER}/formgrader"
    with sync_playwright() as playwright:
        chromium = browser.launch_chromium(playwright)
        page = chromium.new_page(viewport={"width": 1280, "height": 800})
        _log_in(page, hub["url"], GRADER)
        page.goto(f"{base}/manage_submissions/{A01}")
        page.get_by_text("dlchub3").first.wait_for(timeout=30_000)
        page.screenshot(path=str(shots / "3-formgrader-submissions.png"), full_page=True)
        submissions_text = page.locator("body").inner_text()
        page.goto(f"{base}/gradebook/{A01}/{A01}")
        page.get_by_text("Submission #1").first.wait_for(timeout=30_000)
        page.screenshot(path=str(shots / "4-formgrader-notebook-submissions.png"), full_page=True)
        listed = page.request.get(f"{base}/api/submitted_notebooks/{A01}/{A01}").json()
        chosen = next(n for n in listed if n["student"] == "dlchub1")
        page.goto(f"{base}/submissions/{chosen['id']}/")
        score = page.locator(f"input.score#{WRITTEN}")
        score.wait_for(timeout=30_000)
        score.scroll_into_view_if_needed()
        score.fill("2")
        score.press("Tab")  # a change saves the grade, and a tick appears beside it
        page.locator(f".nbgrader_cell:has(input#{WRITTEN}) .score-saved").wait_for(state="visible", timeout=15_000)
        page.screenshot(path=str(shots / "5-formgrader-written-answer-graded.png"))
        chromium.close()
    assert all(user in submissions_text for user in STUDENTS)
    with Gradebook(f"sqlite:///{semester['course'] / 'gradebook.db'}", COURSE) as gradebook:
        graded = gradebook.find_grade(WRITTEN, A01, A01, "dlchub1")
        assert (graded.manual_score, graded.max_score) == (2.0, 2.0)
        assert gradebook.find_submission(A01, "dlchub1").score == 19.0


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
