"""`make hub`: the course's JupyterHub on loopback for a demo class, with its URL and logins printed.

Creates (once) the demo's Unix accounts, a grader and three students, with home folders only
their owner can read, nbgrader's exchange folder, and the course in the grader's home (this
repository's source/ and nbgrader_config.py, built: release/ and the gradebook); then runs
JupyterHub with deploy/jupyterhub_config.py, with "check my work" run by this repository's .venv.
Needs root: the hub starts each user's JupyterLab as that user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
COURSE_PYTHON = REPO / ".venv" / "bin" / "python"
GRADERS = os.environ.get("DLCOURSE_GRADERS", "dl-grader")
STUDENTS = os.environ.get("DLCOURSE_STUDENTS", "dl-student1,dl-student2,dl-student3")
EXCHANGE = Path(os.environ.get("DLCOURSE_EXCHANGE", "/srv/nbgrader/exchange"))
PASSWORD = os.environ.get("DLCOURSE_HUB_PASSWORD", "deep-learning-demo")
PORT = os.environ.get("DLCOURSE_HUB_PORT", "8000")


def main() -> int:
    if os.geteuid() != 0:
        print("make hub needs root: JupyterHub starts each user's JupyterLab as that Unix user "
              "(sudo make hub).", file=sys.stderr)
        return 2
    student_env = Path(os.environ.get("DLCOURSE_STUDENT_ENV", "/opt/dlcourse-student"))
    if not (student_env / "bin" / "jupyterhub").exists():
        print(f"No JupyterHub in {student_env}: run `make hub-setup` first.", file=sys.stderr)
        return 2
    users = [u for u in (GRADERS + "," + STUDENTS).split(",") if u]
    for user in users:
        try:
            pwd.getpwnam(user)
        except KeyError:
            subprocess.run(["useradd", "-m", "-K", "HOME_MODE=0700", user], check=True)
    EXCHANGE.mkdir(parents=True, exist_ok=True)
    EXCHANGE.chmod(0o777)
    grader = GRADERS.split(",")[0]
    course = Path(os.environ.get("DLCOURSE_COURSE", f"/home/{grader}/course"))
    checks = COURSE_PYTHON.exists()
    if not checks:
        print(f"note: no {COURSE_PYTHON} (run `make setup`), so the hub runs without \"check my work\".",
              file=sys.stderr)
    elif not (course / "gradebook.db").exists():
        print(f"Making the course in {course} (the first time only; under a minute) ...", flush=True)
        course.mkdir(parents=True, exist_ok=True)
        shutil.copytree(REPO / "source", course / "source", dirs_exist_ok=True)
        shutil.copy(REPO / "nbgrader_config.py", course)
        subprocess.run([str(COURSE_PYTHON), "-m", "autograder", "--course-dir", str(course), "build"], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run(["chown", "-R", f"{grader}:{grader}", str(course)], check=True)
    print(f"\nThe course's hub: http://127.0.0.1:{PORT}/  (stop it with Ctrl-C)\n"
          f"Log in as any of {', '.join(users)} with the password {PASSWORD!r}.\n"
          f"Graders ({GRADERS}) open Formgrader at /user/<grader>/formgrader; the course is {course},\n"
          f"the exchange {EXCHANGE}.\n", flush=True)
    env = dict(os.environ, DLCOURSE_GRADERS=GRADERS, DLCOURSE_STUDENTS=STUDENTS, DLCOURSE_EXCHANGE=str(EXCHANGE),
               DLCOURSE_HUB_PASSWORD=PASSWORD, DLCOURSE_HUB_PORT=PORT, DLCOURSE_STUDENT_ENV=str(student_env),
               DLCOURSE_COURSE=str(course))
    if checks:
        env["DLCOURSE_COURSE_PYTHON"] = str(COURSE_PYTHON)
    os.execve(str(student_env / "bin" / "jupyterhub"),
              [str(student_env / "bin" / "jupyterhub"), "-f", str(HERE / "jupyterhub_config.py")], env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
