"""JupyterHub for the course on one machine: `make hub` starts it on loopback for a demo class.

Each student and grader is a Unix user, and their JupyterLab runs as that user (JupyterHub's
LocalProcessSpawner), from the class environment `make student-env` builds (a Python every user
can run). nbgrader's extensions give students the Assignments tab and graders Formgrader; the
exchange is a folder every user can write to (nbgrader's default exchange).

What a university changes (see deploy/README.md):
- the authenticator: this demo uses a shared password; use PAM (`"pam"`), your university's
  OAuth/CAS/LTI authenticator, or `oauthenticator`;
- `bind_url` (a public name behind TLS), and `DLCOURSE_EXCHANGE` (e.g. /srv/nbgrader/exchange).

Settings come from the environment so that the test and `make hub` can run several hubs:
DLCOURSE_HUB_PORT (and DLCOURSE_HUB_API_PORT, DLCOURSE_PROXY_API_PORT for the internal APIs), DLCOURSE_HUB_STATE (a folder for the hub's database and secrets),
DLCOURSE_EXCHANGE, DLCOURSE_GRADERS and DLCOURSE_STUDENTS (comma-separated Unix user names),
DLCOURSE_HUB_PASSWORD (the demo's shared password), DLCOURSE_STUDENT_ENV, DLCOURSE_PROXY;
DLCOURSE_COURSE (the course folder, owned by a grader), DLCOURSE_COURSE_PYTHON (a Python with the
course's autograder, for "check my work"), DLCOURSE_COURSE_OWNER (the Unix user it runs as),
DLCOURSE_CHECK_PORT and DLCOURSE_CHECKS_PER_DAY.
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub
c.JupyterHub.services = []

here = Path(__file__).resolve().parent
state = Path(os.environ.get("DLCOURSE_HUB_STATE", here / "hub-state"))
state.mkdir(parents=True, exist_ok=True)
student_env = Path(os.environ.get("DLCOURSE_STUDENT_ENV", "/opt/dlcourse-student"))
graders = [u for u in os.environ.get("DLCOURSE_GRADERS", "grader").split(",") if u]
students = [u for u in os.environ.get("DLCOURSE_STUDENTS", "").split(",") if u]

c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ.get('DLCOURSE_HUB_PORT', '8000')}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{os.environ.get('DLCOURSE_HUB_API_PORT', '8081')}"
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.ConfigurableHTTPProxy.command = [os.environ.get("DLCOURSE_PROXY", str(here / "node_modules" / ".bin" /
                                                                        "configurable-http-proxy"))]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('DLCOURSE_PROXY_API_PORT', '8001')}"

# Who may log in. The demo: one shared password (at least 8 characters). A real course: PAM or SSO.
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("DLCOURSE_HUB_PASSWORD", "deep-learning-demo")
c.Authenticator.allowed_users = set(graders + students)
# Graders are not hub admins: grading needs the course folder, not power over other users' servers
# (and the shared-password login refuses admins without a separate admin password).
c.JupyterHub.load_groups = {
    "formgrade-dl-foundations": {"users": graders},
    "nbgrader-dl-foundations": {"users": students},
}

# Each user's JupyterLab runs as that Unix user, from the class environment.
c.Spawner.cmd = [str(student_env / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 60
c.Spawner.environment = {"DLCOURSE_EXCHANGE": os.environ.get("DLCOURSE_EXCHANGE", "/srv/nbgrader/exchange")}

# Graders: their server adds the config folder that turns Formgrader on, and opens the course.
# JupyterHub >= 4.1 forbids framing user pages (frame-ancestors 'none'), which blanks nbgrader's
# Formgrader tab inside JupyterLab; nbgrader's documentation recommends opening Formgrader in a
# browser tab of its own, /user/<grader>/formgrader, rather than weakening that protection.
course = os.environ.get("DLCOURSE_COURSE", "")


def grader_environment(spawner):
    if spawner.user.name in graders:
        spawner.environment["JUPYTER_CONFIG_PATH"] = str(student_env / "etc" / "jupyter-grader")
        if course:
            spawner.environment["DLCOURSE_COURSE"] = course


c.Spawner.pre_spawn_hook = grader_environment

# "Check my work" (autograder/check_service.py): a hub service, run by the course's owner with the
# course's own Python (the one with the autograder), that grades a student's saved notebook
# against the hidden tests. Students' kernels find it through DLCOURSE_CHECK_URL.
course_python = os.environ.get("DLCOURSE_COURSE_PYTHON", "")
if course and course_python:
    check_port = os.environ.get("DLCOURSE_CHECK_PORT", "8090")
    check_service = {
        "name": "check-my-work",
        "url": f"http://127.0.0.1:{check_port}",
        "command": [course_python, "-m", "autograder", "--course-dir", course, "check-service"],
        "cwd": course,
        "environment": {"DLCOURSE_CHECKS_PER_DAY": os.environ.get("DLCOURSE_CHECKS_PER_DAY", "3")},
    }
    if os.environ.get("DLCOURSE_COURSE_OWNER"):
        check_service["user"] = os.environ["DLCOURSE_COURSE_OWNER"]
    c.JupyterHub.services.append(check_service)
    c.Spawner.environment["DLCOURSE_CHECK_URL"] = f"http://127.0.0.1:{check_port}/services/check-my-work/"

# A service the tests (and a TA's scripts) use: it may start servers and make tokens for users.
if os.environ.get("DLCOURSE_HUB_SERVICE_TOKEN"):
    c.JupyterHub.services.append({"name": "course-admin", "api_token": os.environ["DLCOURSE_HUB_SERVICE_TOKEN"]})
    c.JupyterHub.load_roles = [{
        "name": "course-admin",
        "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
        "services": ["course-admin"],
    }]

print(f"dlcourse hub: {c.JupyterHub.bind_url} (state in {state})", file=sys.stderr)
