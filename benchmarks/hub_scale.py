"""A class of N students on this machine's hub: how long they wait, and what each costs in memory.

Starts the course's hub (deploy/jupyterhub_config.py) on loopback with N student accounts, the
grader releases a01, and then the whole class at once (one thread per student):

  login -> notebook open   the student's server is started through the hub, the assignment is
                           fetched, and a kernel is started and answers (what opening the notebook
                           in JupyterLab does): seconds from the start request to the kernel's reply.
  submit -> exchange       seconds from the Submit request to the submission's folder being in the
                           exchange's inbound folder.
  memory per student       resident memory of all the student's processes (their JupyterLab server
                           and one kernel), from /proc, once everyone has a kernel.

Medians and p95 are printed. Needs root and `make hub-setup` (as tests/test_hub.py).

    sudo .venv/bin/python benchmarks/hub_scale.py [--students 20]
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from grading_class import A01, make_course  # noqa: E402
from test_hub import PASSWORD, PROXY, _call, _free_port, _start_server, _wait  # noqa: E402
from unix_class import COURSE, STUDENT_ENV, _answer, answers, grader, unix_class  # noqa: E402


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def rss_of_user(user: str) -> int:
    """Bytes of resident memory of every process the user owns."""
    uid, total = pwd.getpwnam(user).pw_uid, 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if proc.stat().st_uid != uid:
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def kernel_info(channels_url: str, token: str, seconds: float = 180) -> None:
    """Ask a kernel for its info over its websocket and wait for the reply, as JupyterLab does
    when it opens a notebook (the REST model says "starting" until a client connects)."""
    import asyncio
    import json
    import uuid

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    async def ask():
        request = HTTPRequest(channels_url.replace("http://", "ws://"), headers={"Authorization": f"token {token}"})
        connection = await websocket_connect(request)
        msg_id = uuid.uuid4().hex
        connection.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "kernel_info_request", "username": "", "session": msg_id,
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "content": {}, "channel": "shell", "buffers": []}))
        while True:
            message = await connection.read_message()
            if message is None:
                raise ConnectionError("the kernel's websocket closed")
            if isinstance(message, str) and json.loads(message).get("parent_header", {}).get("msg_id") == msg_id:
                if json.loads(message)["header"]["msg_type"] == "kernel_info_reply":
                    connection.close()
                    return

    asyncio.run(asyncio.wait_for(ask(), seconds))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=20)
    args = parser.parse_args()
    if os.geteuid() != 0 or not (STUDENT_ENV / "bin" / "jupyterhub").exists() or not PROXY.exists():
        print("needs root and `make hub-setup`", file=sys.stderr)
        return 2
    students = tuple(f"dlcbench{i:02d}" for i in range(1, args.students + 1))
    base = Path(tempfile.mkdtemp(prefix="dlcourse-hubbench-"))
    print(f"load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs; {args.students} students")
    with unix_class(students) as exchange:
        port, token = _free_port(), secrets.token_hex(16)
        env = dict(os.environ, DLCOURSE_HUB_PORT=str(port), DLCOURSE_HUB_API_PORT=str(_free_port()),
                   DLCOURSE_PROXY_API_PORT=str(_free_port()), DLCOURSE_HUB_STATE=str(base / "state"),
                   DLCOURSE_EXCHANGE=str(exchange), DLCOURSE_GRADERS="", DLCOURSE_STUDENTS=",".join(students),
                   DLCOURSE_HUB_PASSWORD=PASSWORD, DLCOURSE_STUDENT_ENV=str(STUDENT_ENV),
                   DLCOURSE_HUB_SERVICE_TOKEN=token, DLCOURSE_PROXY=str(PROXY))
        log = open(base / "hub.log", "w")
        hub_process = subprocess.Popen([str(STUDENT_ENV / "bin" / "jupyterhub"), "-f",
                                        str(REPO / "deploy" / "jupyterhub_config.py")],
                                       cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        hub = dict(url=url, token=token)
        try:
            _wait(lambda: _call(f"{url}/hub/api/", timeout=5)[0] == 200, 60, "the hub")
            course = make_course(base / "course", A01)
            grader("release_assignment", course, exchange)
            release, solution, _ = answers(course)
            opened, submitted, tokens, errors = {}, {}, {}, []

            def open_notebook(user):
                try:
                    start = time.perf_counter()
                    tokens[user] = user_token = _start_server(hub, user)
                    api = f"{url}/user/{user}"
                    _call(f"{api}/assignments/fetch", user_token, "POST", {"course_id": COURSE, "assignment_id": A01})
                    kernel = _call(f"{api}/api/kernels", user_token, "POST", None)[1]
                    kernel_info(f"{api}/api/kernels/{kernel['id']}/channels", user_token)
                    opened[user] = time.perf_counter() - start
                except Exception as error:  # noqa: BLE001 - reported below
                    errors.append(f"{user}: {error}")

            def submit(user):
                try:
                    _answer(user, solution)
                    start = time.perf_counter()
                    _call(f"{url}/user/{user}/assignments/submit", tokens[user], "POST",
                          {"course_id": COURSE, "assignment_id": A01})
                    inbound = exchange / COURSE / "inbound"
                    _wait(lambda: any(p.name.startswith(user + "+") for p in inbound.iterdir()), 60, "the exchange")
                    submitted[user] = time.perf_counter() - start
                except Exception as error:  # noqa: BLE001
                    errors.append(f"{user}: {error}")

            for step in (open_notebook, submit):
                threads = [threading.Thread(target=step, args=(u,)) for u in students]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                if step is open_notebook:
                    memory = [rss_of_user(u) / 2**20 for u in students if u in opened]
            if errors:
                print("errors:\n  " + "\n  ".join(errors[:10]))
            print(f"login -> notebook open (server, fetch, kernel), s: median {statistics.median(opened.values()):.1f}"
                  f", p95 {p95(list(opened.values())):.1f}, max {max(opened.values()):.1f} ({len(opened)} students)")
            print(f"submit -> in the exchange, s: median {statistics.median(submitted.values()):.2f}"
                  f", p95 {p95(list(submitted.values())):.2f} ({len(submitted)} students)")
            print(f"memory per student (server + one kernel), MiB: median {statistics.median(memory):.0f}"
                  f", p95 {p95(memory):.0f}; all students {sum(memory) / 1024:.1f} GiB")
            print(f"load average after: {os.getloadavg()[0]:.2f}")
        finally:
            hub_process.terminate()
            try:
                hub_process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                hub_process.kill()
            subprocess.run(["pkill", "-u", ",".join(students)], capture_output=True)
            log.close()
            subprocess.run(["rm", "-rf", str(base)])
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
