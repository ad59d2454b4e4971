"""check_service: "check my work" as a JupyterHub service (`python -m autograder check-service`).

The hub starts it as the course's grader (deploy/jupyterhub_config.py) and passes it
JUPYTERHUB_API_URL and JUPYTERHUB_SERVICE_PREFIX. A student's kernel, or their terminal, sends

    POST <prefix>check/<assignment>      body: the saved notebook's bytes
    Authorization: token <the student's JupyterHub token>   (JUPYTERHUB_API_TOKEN in their kernel)

Who the student is comes only from the hub: the service asks the hub's API whose token it is
(`GET /user` with that token), so a request cannot check, or spend the checks of, anyone else.
The reply is `Checker.check`'s data (autograder/check_my_work.py) or {"error": a sentence}.
"""

from __future__ import annotations

import asyncio
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from autograder.check_my_work import MAX_NOTEBOOK_BYTES, Checker, CheckRefused

MAX_WAITING_PER_WORKER = 10  # checks queued or running per grading thread before new ones are turned away


def _token(header: str) -> str | None:
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() in ("token", "bearer") and value.strip() else None


def make_app(checker: Checker, hub_api: str, prefix: str, parallel: int):
    import tornado.web
    from tornado.httpclient import AsyncHTTPClient, HTTPClientError

    pool = ThreadPoolExecutor(max_workers=max(1, parallel), thread_name_prefix="check")
    waiting, max_waiting = [0], MAX_WAITING_PER_WORKER * max(1, parallel)

    class CheckHandler(tornado.web.RequestHandler):
        def _answer(self, status: int, data: dict) -> None:
            self.set_status(status)
            self.set_header("Content-Type", "application/json")
            self.set_header("Cache-Control", "no-store")
            self.finish(json.dumps(data, ensure_ascii=False))

        async def _student(self) -> str | None:
            token = _token(self.request.headers.get("Authorization", ""))
            if token is None:
                self._answer(401, {"error": "This request carries no JupyterHub token. Check your work from "
                                            "a notebook or terminal on the course's JupyterHub."})
                return None
            try:
                response = await AsyncHTTPClient().fetch(
                    hub_api.rstrip("/") + "/user", headers={"Authorization": f"token {token}"}, request_timeout=20)
            except HTTPClientError as error:
                if error.code in (401, 403, 404):
                    self._answer(403, {"error": "JupyterHub does not accept this token. Log in to the hub "
                                                "again and check from your own server."})
                else:
                    self._answer(503, {"error": "The hub did not answer. Please try again in a minute."})
                return None
            except OSError:
                self._answer(503, {"error": "The hub did not answer. Please try again in a minute."})
                return None
            model = json.loads(response.body)
            if model.get("kind", "user") != "user" or not model.get("name"):
                self._answer(403, {"error": "Only a student's own token can check their work."})
                return None
            return str(model["name"])

        async def post(self, assignment_id: str) -> None:
            student = await self._student()
            if student is None:
                return
            if waiting[0] >= max_waiting:  # a queue longer than this helps nobody: say so at once
                self._answer(503, {"error": "Many checks are waiting just now. Please try again in a few "
                                            "minutes; this try did not count."})
                return
            try:
                ticket = checker.admit(student, assignment_id, self.request.body)  # refusals: at once
                waiting[0] += 1
                try:
                    reply = await asyncio.get_running_loop().run_in_executor(pool, checker.run, ticket)
                finally:
                    waiting[0] -= 1
            except CheckRefused as refused:
                self._answer(refused.status, {"error": str(refused)})
                return
            self._answer(200, reply)

    class HealthHandler(tornado.web.RequestHandler):
        def get(self) -> None:
            self.finish({"service": "check-my-work", "per_day": checker.per_day})

    return tornado.web.Application([
        (prefix.rstrip("/") + r"/check/([A-Za-z0-9_.-]+)/?", CheckHandler),
        (prefix.rstrip("/") + r"/?", HealthHandler),
    ])


def serve(root: Path, port: int | None = None, per_day: int | None = None, parallel: int = 1) -> None:
    """Run the service until killed; the hub's environment variables say where and under what path."""
    import tornado.httpserver
    import tornado.ioloop

    per_day = per_day if per_day is not None else int(os.environ.get("DLCOURSE_CHECKS_PER_DAY", "3"))
    hub_api = os.environ.get("JUPYTERHUB_API_URL", "http://127.0.0.1:8081/hub/api")
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/check-my-work/")
    if port is None:  # a managed service is told its URL
        from urllib.parse import urlparse

        port = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:8090")).port or 8090
    checker = Checker(root, per_day=per_day)
    server = tornado.httpserver.HTTPServer(make_app(checker, hub_api, prefix, parallel),
                                           max_body_size=2 * MAX_NOTEBOOK_BYTES)  # ours: a clearer 413 up to here
    server.listen(port, address="127.0.0.1")
    print(f"check-my-work: http://127.0.0.1:{port}{prefix} for {root} ({per_day} checks a day)", flush=True)
    tornado.ioloop.IOLoop.current().start()
