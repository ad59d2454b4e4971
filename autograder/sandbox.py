"""The grading kernel's launcher: memory limit, no network, and the course's secrets out of sight.

A grading kernel runs student code. The kernelspec written by `write_kernelspec` starts it as

    python -I -S .../autograder/sandbox.py SPEC.json -- python -m ipykernel_launcher -f {connection_file}

which, where the OS allows unprivileged namespaces (`available()`), re-runs itself under
`unshare` in new user, mount, network and PID namespaces: the kernel then has no network
interface but a down loopback, sees only its own processes, and finds an empty, read-only folder
(or an empty file) wherever the spec hides something: source/ (solutions and hidden tests), the
gradebook, other students' submissions, the catalogue of answers. Without namespaces it still
gets the memory limit, and the report says the sandbox was off. The kernel talks to the grader
through Unix sockets (`KernelManager.transport = "ipc"`), which need no network.

Either way it is killed when the grading worker that started it dies (PR_SET_PDEATHSIG), so a
grading run that is killed leaves no kernels behind.

It runs once per submission, so it is cheap: Python without site packages (-I -S, this file
imports only the standard library) and mount(2) through ctypes, not the mount command.
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
import tempfile
from functools import lru_cache
from pathlib import Path

KERNEL_NAME = "dlcourse-grading"
LAUNCHER = [sys.executable, "-I", "-S", str(Path(__file__).resolve())]
MS_RDONLY, MS_BIND = 1, 4096
UNSHARE = ["unshare", "--user", "--map-root-user", "--mount", "--net", "--pid", "--fork",
           "--mount-proc", "--kill-child"]


@lru_cache(maxsize=1)
def available() -> str | None:
    """None when kernels can be isolated here; otherwise why not, in words.

    The probe does what a kernel's launch does: new namespaces, then hiding a folder and a file.
    """
    if not sys.platform.startswith("linux"):
        return "namespaces are Linux-only"
    if shutil.which("unshare") is None:
        return "the unshare command (util-linux) is not installed"
    with tempfile.TemporaryDirectory(prefix="sandbox-probe-") as folder:
        hidden, secret = Path(folder) / "hidden", Path(folder) / "secret"
        hidden.mkdir()
        (hidden / "inside").write_text("x")
        secret.write_text("x")
        probe = subprocess.run(UNSHARE + LAUNCHER + ["--probe", str(hidden), str(secret)],
                               capture_output=True, text=True)
    if probe.returncode != 0:
        why = (probe.stderr.strip().splitlines() or ["unshare failed"])[-1]
        return f"unprivileged namespaces are not allowed here ({why})"
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
    argv = LAUNCHER + [str(spec_path), "--", sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (kernel_dir / "kernel.json").write_text(json.dumps(
        {"argv": argv, "display_name": "Python 3 (grading sandbox)", "language": "python"}))
    return kernel_dir


def _die_with_parent(parent: int | None = None) -> None:
    """Be killed when the parent process dies; exit now if `parent` has died already."""
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:  # it died before the line above
        sys.exit("the grading worker that started this kernel is gone")


def _hide(path: str) -> None:
    """An empty read-only folder over a folder, /dev/null over a file (in this mount namespace only)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if os.path.isdir(path):
        done = libc.mount(b"tmpfs", path.encode(), b"tmpfs", MS_RDONLY, b"size=4k,mode=0555")
    elif os.path.exists(path):
        done = libc.mount(b"/dev/null", path.encode(), None, MS_BIND, None)
    else:
        return
    if done != 0:
        raise OSError(ctypes.get_errno(), f"cannot hide {path}: {os.strerror(ctypes.get_errno())}")


def _probe(folder: str, secret: str) -> None:
    _hide(folder)
    _hide(secret)
    if os.listdir(folder) or Path(secret).read_text():
        sys.exit("hiding a folder or a file had no effect")


def main(argv: list[str]) -> None:
    if argv[0] == "--probe":
        _probe(*argv[1:3])
        return
    inside = argv[0] == "--inside"
    if inside:
        argv = argv[1:]
    spec_path, kernel = argv[0], argv[argv.index("--") + 1:]
    spec = json.loads(Path(spec_path).read_text())
    if not inside:
        # jupyter_client tells a kernel its manager's process id: the grading worker.
        worker = os.environ.get("JPY_PARENT_PID")
        _die_with_parent(int(worker) if worker and worker.isdigit() else None)
        if spec.get("isolate"):
            os.execvp(UNSHARE[0], UNSHARE + LAUNCHER + ["--inside"] + argv)
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
