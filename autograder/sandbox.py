"""The grading kernel's launcher: memory limit, no network, and the course's secrets out of sight.

A grading kernel runs student code. The kernelspec written by `write_kernelspec` starts it as

    python -m autograder.sandbox SPEC.json -- python -m ipykernel_launcher -f {connection_file}

which, where the OS allows unprivileged namespaces (`available()`), re-runs itself under
`unshare` in new user, mount, network and PID namespaces: the kernel then has no network
interface but a down loopback, sees only its own processes, and finds an empty, read-only folder
(or an empty file) wherever the spec hides something: source/ (solutions and hidden tests), the
gradebook, other students' submissions, the catalogue of answers. Without namespaces it still
gets the memory limit, and the report says the sandbox was off. The kernel talks to the grader
through Unix sockets (`KernelManager.transport = "ipc"`), which need no network.

Either way it is killed when the grading worker that started it dies (PR_SET_PDEATHSIG), so a
grading run that is killed leaves no kernels behind.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

KERNEL_NAME = "dlcourse-grading"
UNSHARE = ["unshare", "--user", "--map-root-user", "--mount", "--net", "--pid", "--fork",
           "--mount-proc", "--kill-child"]


@lru_cache(maxsize=1)
def available() -> str | None:
    """None when kernels can be isolated here; otherwise why not, in words."""
    if not sys.platform.startswith("linux"):
        return "namespaces are Linux-only"
    if shutil.which("unshare") is None:
        return "the unshare command (util-linux) is not installed"
    probe = subprocess.run(UNSHARE + ["true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return "unprivileged namespaces are not allowed here (" + (probe.stderr.strip() or "unshare failed") + ")"
    return None


def write_kernelspec(folder: Path, spec: dict) -> Path:
    """A kernelspec named KERNEL_NAME under folder/kernels/, launching through this module.

    spec: {"memory_bytes": int | None, "isolate": bool, "hide": [paths]}. Put `folder` on
    JUPYTER_PATH so nbgrader's Execute finds the kernel.
    """
    kernel_dir = folder / "kernels" / KERNEL_NAME
    kernel_dir.mkdir(parents=True, exist_ok=True)
    spec_path = kernel_dir / "sandbox.json"
    spec_path.write_text(json.dumps(spec))
    argv = [sys.executable, "-m", "autograder.sandbox", str(spec_path), "--",
            sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (kernel_dir / "kernel.json").write_text(json.dumps(
        {"argv": argv, "display_name": "Python 3 (grading sandbox)", "language": "python"}))
    return kernel_dir


def _die_with_parent() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _hide(path: str) -> None:
    if os.path.isdir(path):
        subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=4k,mode=0555", "tmpfs", path], check=True)
    elif os.path.exists(path):
        subprocess.run(["mount", "--bind", "/dev/null", path], check=True)


def main(argv: list[str]) -> None:
    inside = argv[0] == "--inside"
    if inside:
        argv = argv[1:]
    spec_path, kernel = argv[0], argv[argv.index("--") + 1:]
    spec = json.loads(Path(spec_path).read_text())
    if not inside:
        _die_with_parent()
        if spec.get("isolate"):
            os.execvp(UNSHARE[0], UNSHARE + [sys.executable, "-m", "autograder.sandbox", "--inside"] + argv)
    else:
        for path in spec.get("hide", []):
            _hide(path)
    if spec.get("memory_bytes"):
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = spec["memory_bytes"] if hard == resource.RLIM_INFINITY else min(spec["memory_bytes"], hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    os.execvp(kernel[0], kernel)


if __name__ == "__main__":
    main(sys.argv[1:])
