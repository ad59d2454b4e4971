"""The grading kernel's launcher: a bubblewrap (bwrap) sandbox that sees only what it needs.

A grading kernel runs student code. The kernelspec written by `write_kernelspec` starts it as

    python -I -S .../autograder/sandbox.py SPEC.json -- python -m ipykernel_launcher -f {connection_file}

and this launcher execs the kernel inside `bwrap` with a whitelist, not a list of secrets:

- new user, mount, PID, network, IPC and UTS namespaces; no capabilities, no new privileges, and
  a user id (1000) that is not root, so the kernel cannot undo its own mounts;
- read-only: the system (/usr and the few files of /etc a Python process needs), the Python
  installation and virtual environment, the course library `dlcourse/`, and the data folders a
  notebook may read (the Fashion-MNIST cache and sample);
- writable: a private scratch tmpfs of `scratch_bytes` (/tmp, also HOME and MPLCONFIGDIR), the
  worker's runtime folder (the kernel's sockets and the judge's), and a throw-away copy of the
  notebook's folder as the working directory, so files a notebook writes go nowhere;
- nothing else: the course's source/, gradebook, config and other files, other submissions,
  other workers, home folders do not exist inside;
- no network but a loopback of its own; killed when the grading worker dies (--die-with-parent).

Without bwrap (or where the OS forbids user namespaces), `available()` says why, and the grader
refuses to run unless the TA asks for `--no-sandbox`; the kernel then gets only the limits.
It runs once per submission, so it is cheap: Python without site packages (-I -S, this file
imports only the standard library).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

KERNEL_NAME = "dlcourse-grading"
LAUNCHER = [sys.executable, "-I", "-S", str(Path(__file__).resolve())]
SCRATCH_BYTES = 100 * 2**20
MAX_FILE_BYTES = 100 * 2**20
SANDBOX_UID = 1000
# What a Python process needs of /etc; the rest (shadow, machine config) stays outside.
ETC_FILES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf", "passwd", "group",
             "hosts", "fonts", "mime.types", "ssl", "alternatives")


@lru_cache(maxsize=1)
def available() -> str | None:
    """None when kernels can be sandboxed here; otherwise why not, in words.

    The probe does what a kernel's launch does: bwrap with the whitelist, then checks that an
    unlisted folder is invisible and a listed one read-only.
    """
    if not sys.platform.startswith("linux"):
        return "the sandbox (bubblewrap) is Linux-only"
    if shutil.which("bwrap") is None:
        return "bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
    with tempfile.TemporaryDirectory(prefix="sandbox-probe-") as folder:
        secret, readable, runtime, work = (Path(folder) / name for name in ("secret", "readable", "runtime", "work"))
        for path in (secret, readable, runtime, work):
            path.mkdir()
        (secret / "answers").write_text("x")
        spec = {"read_only": read_only_paths() + [str(readable)], "runtime": str(runtime), "scratch_bytes": 2**20}
        check = ("import os, sys\n"
                 f"assert not os.path.exists({str(secret)!r}), 'an unlisted folder is visible'\n"
                 f"try:\n    open({str(readable)!r} + '/x', 'w')\nexcept OSError:\n    pass\n"
                 "else:\n    sys.exit('a read-only folder is writable')\n"
                 "open('/tmp/scratch', 'w').write('ok')\n")
        argv = bwrap_argv(spec, str(work)) + [sys.executable, "-I", "-S", "-c", check]
        probe = subprocess.run(argv, capture_output=True, text=True)
    if probe.returncode != 0:
        why = (probe.stderr.strip().splitlines() or ["bwrap failed"])[-1]
        return f"bubblewrap cannot sandbox kernels here ({why})"
    return None


def read_only_paths() -> list[str]:
    """The Python installation, the virtual environment, the course library and its data."""
    paths = {sys.base_prefix, sys.prefix, sys.exec_prefix}
    try:
        import importlib.util

        spec = importlib.util.find_spec("dlcourse")
        paths.update(spec.submodule_search_locations or [])
    except (ImportError, ValueError):
        pass
    try:
        from dlcourse.fashion_mnist import default_cache_dir, default_sample_dir

        paths.update(str(p) for p in (default_cache_dir(), default_sample_dir()) if p.exists())
    except ImportError:
        pass
    return sorted(paths)


def write_kernelspec(folder: Path, spec: dict) -> Path:
    """A kernelspec named KERNEL_NAME under folder/kernels/, launching through this module.

    spec: {"memory_bytes": int | None, "isolate": bool, "runtime": folder the kernel may write its
    sockets in, "read_only": paths it may read, "scratch_bytes": int, "log": the file that takes
    the kernel's own stdout and stderr (default: kernel.log beside the spec, the last kernel's)}.
    Put `folder` on JUPYTER_PATH so nbgrader's Execute finds the kernel.
    """
    kernel_dir = folder / "kernels" / KERNEL_NAME
    kernel_dir.mkdir(parents=True, exist_ok=True)
    spec_path = kernel_dir / "sandbox.json"
    spec_path.write_text(json.dumps({"log": str(kernel_dir / "kernel.log"), **spec}))
    argv = LAUNCHER + [str(spec_path), "--", sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    # Interrupts as messages: a signal would reach bwrap, which does not pass it on to the kernel.
    (kernel_dir / "kernel.json").write_text(json.dumps(
        {"argv": argv, "display_name": "Python 3 (grading sandbox)", "language": "python",
         "interrupt_mode": "message"}))
    return kernel_dir


def bwrap_argv(spec: dict, work: str) -> list[str]:
    """The bwrap command line for a kernel whose working directory is `work` (a scratch copy)."""
    argv = ["bwrap", "--unshare-all", "--unshare-user", "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID),
            "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--proc", "/proc", "--dev", "/dev",
            "--size", str(int(spec.get("scratch_bytes") or SCRATCH_BYTES)), "--tmpfs", "/tmp"]
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32"):
        if os.path.islink(top):
            argv += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            argv += ["--ro-bind", top, top]
    for name in ETC_FILES:
        argv += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    for path in spec.get("read_only", []):
        argv += ["--ro-bind-try", path, path]
    if spec.get("runtime"):
        argv += ["--bind", spec["runtime"], spec["runtime"]]
    argv += ["--bind", work, work, "--chdir", work,
             "--setenv", "HOME", "/tmp", "--setenv", "MPLCONFIGDIR", "/tmp/matplotlib",
             "--setenv", "TMPDIR", "/tmp",
             # One BLAS / torch thread: the grader runs a kernel per worker, CPUs + 1 workers.
             "--setenv", "OMP_NUM_THREADS", "1", "--setenv", "MKL_NUM_THREADS", "1",
             # ipykernel exits when its parent is not JPY_PARENT_PID, which a PID namespace hides;
             # bwrap's --die-with-parent (and the launcher's death signal) do that job instead.
             "--unsetenv", "JPY_PARENT_PID", "--"]
    return argv


def _die_with_parent(parent: int | None = None) -> None:
    """Be killed when the parent process dies; exit now if `parent` has died already."""
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:  # it died before the line above
        sys.exit("the grading worker that started this kernel is gone")


def _working_copy(spec: dict) -> str:
    """A throw-away copy of the notebook's folder (the kernel's cwd), in the runtime folder."""
    here = os.getcwd()
    copy = tempfile.mkdtemp(prefix="cwd-", dir=spec.get("runtime") or None)
    for entry in os.scandir(here):
        if entry.is_file(follow_symlinks=False) and entry.stat().st_size <= MAX_FILE_BYTES:
            shutil.copy2(entry.path, copy)
        elif entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, os.path.join(copy, entry.name), symlinks=True)
    return copy


def main(argv: list[str]) -> None:
    spec_path, kernel = argv[0], argv[argv.index("--") + 1:]
    spec = json.loads(Path(spec_path).read_text())
    if spec.get("log"):  # the kernel's own output (ipykernel's banner, and whatever student code
        # writes to its file descriptors) goes to a log beside the spec, not the TA's terminal
        log = os.open(spec["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
    # jupyter_client tells a kernel its manager's process id: the grading worker.
    worker = os.environ.get("JPY_PARENT_PID")
    _die_with_parent(int(worker) if worker and worker.isdigit() else None)
    if spec.get("memory_bytes"):
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = spec["memory_bytes"] if hard == resource.RLIM_INFINITY else min(spec["memory_bytes"], hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    if spec.get("isolate"):
        resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_FILE_BYTES, MAX_FILE_BYTES))
        work = _working_copy(spec)
        argv = bwrap_argv(spec, work)
        if "-f" in kernel:  # the connection file (jupyter_client may put it in the host's /tmp)
            connection = kernel[kernel.index("-f") + 1]
            argv[-1:-1] = ["--ro-bind", connection, connection]
        argv += kernel
        os.execvp(argv[0], argv)
    os.execvp(kernel[0], kernel)


if __name__ == "__main__":
    main(sys.argv[1:])
