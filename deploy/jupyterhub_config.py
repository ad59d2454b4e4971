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
DLCOURSE_HUB_PASSWORD (the demo's shared password), DLCOURSE_STUDENT_ENV, DLCOURSE_PROXY.
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub

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
c.Authenticator.admin_users = set(graders)
c.JupyterHub.load_groups = {
    "formgrade-dl-foundations": {"users": graders},
    "nbgrader-dl-foundations": {"users": students},
}

# Each user's JupyterLab runs as that Unix user, from the class environment.
c.Spawner.cmd = [str(student_env / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 60
c.Spawner.environment = {"DLCOURSE_EXCHANGE": os.environ.get("DLCOURSE_EXCHANGE", "/srv/nbgrader/exchange")}
# JupyterHub >= 4.1 forbids framing by default; nbgrader's Formgrader page in JupyterLab is a frame
# of the user's own server, so allow the same origin (nbgrader's documented fix).
c.Spawner.args = ["--ServerApp.tornado_settings={'headers': {'Content-Security-Policy': \"frame-ancestors 'self'\"}}"]

# A service the tests (and a TA's scripts) use: it may start servers and make tokens for users.
if os.environ.get("DLCOURSE_HUB_SERVICE_TOKEN"):
    c.JupyterHub.services = [{"name": "course-admin", "api_token": os.environ["DLCOURSE_HUB_SERVICE_TOKEN"]}]
    c.JupyterHub.load_roles = [{
        "name": "course-admin",
        "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
        "services": ["course-admin"],
    }]

print(f"dlcourse hub: {c.JupyterHub.bind_url} (state in {state})", file=sys.stderr)
