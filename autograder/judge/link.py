"""The judge's link to one student's kernel: the socket, the requests, and what each call carries.

A grade cell runs in the grading worker, in a `JudgeNamespace` (proxies.py): the names the
notebook's read-only setup cell imports are the judge's own (its numpy, torch and
`dlcourse.checks`); any other name the test reads is looked up in the kernel through this link
and comes back as data, or as a `KernelObject` whose calls and attributes go to the kernel.
What comes back is decoded by `wire.Decoder`, never unpickled.

Arguments travel the other way pickled (cloudpickle, so a test's lambdas and classes go too).
Mutable objects a call can reach are *twins*: the kernel keeps its copy for the rest of the
cell, every call first brings the kernel's copies up to date with the judge's, and every reply
brings back the state of each twin, so `sgd_step(params, ...)` changes the judge's `params`, and
a `model.train()` inside the student's function shows in the judge's model. Global random
states (numpy's, torch's), the warning filters a test sets, numpy's error state and torch's
grad mode cross with each call, so a test that seeds, or turns warnings into errors, means the
same thing in the kernel.
"""

from __future__ import annotations

import builtins
import io
import pickle
import socket
import struct
import sys
import threading
import time
import warnings

import cloudpickle
import numpy as np

from autograder.judge import agent, proxies, wire
from autograder.judge import twins as twin_state
from autograder.judge.wire import WireError, expect

NOT_REAL_EXCEPTIONS = (SystemExit, KeyboardInterrupt, GeneratorExit)


class JudgeTimeout(Exception):
    """The student's code ran past the cell's time limit while the judge waited for it."""

    judge_signal = True  # the grader's, not the student's: checks.calling lets it through


class KernelGone(Exception):
    """The kernel closed the link (it died, or was interrupted) in the middle of a test."""

    judge_signal = True


class StudentCodeError(Exception):
    """An exception the student's code raised, of a class that is not one of Python's own."""


def _torch():
    return sys.modules.get("torch")


class Link:
    """One submission's connection to its kernel, for one grade cell at a time."""

    def __init__(self, path: str):
        self.path = path
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(1)
        self.sock: socket.socket | None = None
        self.deadline = float("inf")
        self.rng_in_kernel = None  # the random states the kernel holds, as far as the judge knows
        self.owner = threading.current_thread()
        self.base_filters = list(warnings.filters)
        self.reset()

    def reset(self) -> None:
        self.twins: dict[int, object] = {}
        self.twin_of: dict[int, int] = {}
        self.next_twin = 1
        self.handles: dict[int, proxies.KernelObject] = {}
        # Twins reachable from what `assign` put in the kernel (a spy's list of calls):
        # the kernel's functions may change them in any call, so every call syncs them.
        self.pinned: set[int] = set()

    # ---- the connection --------------------------------------------------------------------
    def accept(self, deadline: float, cell_ended) -> None:
        """Wait for the kernel's serve loop; give up at the deadline, or once the kernel's cell
        ended without connecting (code that rewrites cells, or a dead kernel)."""
        self.deadline = deadline
        self.reset()
        # The worker's own filters (nbgrader's, sqlalchemy's...) stay here: only what a test
        # adds on top crosses to the kernel (`_context`).
        self.base_filters = list(warnings.filters)
        self.owner = threading.current_thread()  # a late judge thread of an earlier cell is refused
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or cell_ended.is_set():
                raise KernelGone("your notebook did not run the grader's tests for this cell "
                                 "(does your code change how cells run, or did the kernel stop?)")
            self.listener.settimeout(min(0.2, left))
            try:
                self.sock, _ = self.listener.accept()
                return
            except socket.timeout:
                continue

    def close_cell(self) -> None:
        """Tell the kernel this cell's tests are done, and forget the cell's twins and handles."""
        if self.sock is not None:
            try:
                self.sock.settimeout(2)
                agent.send_frame(self.sock, pickle.dumps(("bye",)))
            except OSError:
                pass
            self.sock.close()
            self.sock = None
        self.reset()

    def close(self) -> None:
        self.close_cell()
        self.listener.close()

    def request(self, message: tuple) -> tuple[object, wire.Decoder]:
        """Send one request; the reply's body decoded, twins updated. Raises the student's errors."""
        if self.sock is None or threading.current_thread() is not self.owner:
            raise KernelGone("the kernel is not connected (this test cell's time is over)")
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise JudgeTimeout("your code ran past the time limit for this test cell")
        self.sock.settimeout(left)
        try:
            agent.send_frame(self.sock, pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
            payload = agent.recv_frame(self.sock, limit=1 << 30)
        except socket.timeout:
            raise JudgeTimeout("your code ran past the time limit for this test cell") from None
        except (EOFError, OSError) as error:
            self.sock = None
            raise KernelGone(f"the kernel stopped answering ({error})") from None
        header, blobs = wire.unpack(payload)
        expect(type(header) is list and header and header[0] in ("ok", "err"), "a reply of unknown form")
        if header[0] == "err":
            raise _student_error(header)
        expect(len(header) in (3, 4, 5) and type(header[2]) is list, "a reply of the wrong length")
        decoder = wire.Decoder(self, blobs)
        body = decoder.value(header[1])
        for pair in header[2]:  # [k, ["P", k, state]] or [k, ["R", k]]: the arguments' twins
            expect(type(pair) is list and len(pair) == 2 and type(pair[0]) is int and type(pair[1]) is list
                   and pair[1][:2] in (["P", pair[0]], ["R", pair[0]]), "bad twin state")
            if pair[0] in self.twins:
                decoder.value(pair[1])
        if len(header) >= 4 and header[3] is not None:
            self._adopt_rng(header[3])
        decoder.token = header[4] if len(header) == 5 and type(header[4]) is int else None
        return body, decoder

    # ---- requests ------------------------------------------------------------------------------
    def lookup(self, name: str):
        return self.request(("lookup", name))[0]

    def call(self, target, args: tuple, kwargs: dict, sync=()):
        """Call a kernel function; `sync`: more twins to bring up to date first (a called module)."""
        entries, blob = self.pack((args, kwargs, sync))
        return self.request(("call", target, entries, blob, self._context()))[0]

    def forward(self, module, args: tuple, kwargs: dict):
        """A student's module, called so that the judge can differentiate through it: the
        kernel keeps the graph under a token for `backward`."""
        entries, blob = self.pack((args, kwargs, (module,)))
        body, decoder = self.request(("forward", module._twin, entries, blob, self._context()))
        return body, decoder.token

    def backward(self, token: int, grad_out):
        entries, blob = self.pack((grad_out, {}, ()))
        grads = self.request(("backward", token, entries, blob))[0]
        expect(type(grads) is list, "bad gradients")
        return grads

    def assign(self, name: str, value) -> None:
        entries, blob = self.pack((value, {}, ()))
        # Lists and arrays (a spy's record of calls): not dicts, which include cloudpickle's own
        # globals of the functions, and must not be reset by the judge's emptier copies.
        self.pinned.update(k for k in entries if type(self.twins[k]) in (list, np.ndarray))
        self.request(("assign", name, entries, blob))

    def restore(self) -> None:
        self.request(("restore",))

    def handle(self, hid: int, type_name: str, flags: list[str]):
        if hid not in self.handles:
            self.handles[hid] = proxies.KernelObject(self, hid, type_name, flags)
        return self.handles[hid]

    # ---- judge -> kernel ---------------------------------------------------------------------
    def register(self, obj) -> int:
        k = self.next_twin
        self.next_twin += 1
        self._remember(obj, k)
        return k

    def _remember(self, obj, k: int) -> None:
        self.twins[k] = obj
        self.twin_of[id(obj)] = k

    def twin(self, k: int):
        expect(k in self.twins, f"a reference to unknown twin {k}")
        return self.twins[k]

    def pack(self, value) -> tuple[dict, bytes]:
        """Pickle `value` with its twins as persistent ids; with it, every twin's current state.

        Returns ({k: (is_update, payload)}, pickled value). Known twins are sent as updates, so
        the kernel changes its copy in place and the student's references to it stay valid. Only
        twins the value reaches, and the pinned ones, are sent: a loop of a thousand calls must
        not send a thousand earlier results with each.
        """
        link, entries, todo = self, {}, []
        known = set(self.twins)
        candidates = twin_state.reachable([value] + [self.twins[k] for k in self.pinned])

        class Pickler(cloudpickle.Pickler):
            root = None

            def persistent_id(self, obj):
                if type(obj) is proxies.KernelObject:
                    return ("h", obj._hid)
                # Only the test's own objects become twins: not the root of this pickle, and not
                # what pickling makes on the way (cloudpickle's dicts, an object's __dict__).
                if obj is self.root or id(obj) not in candidates:
                    return None
                k = link.twin_of.get(id(obj))
                if k is None or link.twins.get(k) is not obj:
                    k = link.register(obj)
                if k not in entries:
                    entries[k] = None
                    todo.append(k)
                return k

        shared_globals: dict = {}

        def dumps(obj, root=None) -> bytes:
            buffer = io.BytesIO()
            pickler = Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.root = root
            # cloudpickle gives the functions of one module one globals dict per pickler; the
            # pickles of one call must share it, or a function loses its neighbours' globals.
            pickler.globals_ref = shared_globals
            pickler.dump(obj)
            return buffer.getvalue()

        blob = dumps(value)
        for k in self.pinned:
            if k not in entries:
                entries[k] = None
                todo.append(k)
        while todo:
            k = todo.pop()
            obj = self.twins[k]
            if k in known:
                state, _ = twin_state.update_state(obj)
                entries[k] = (True, dumps(state, root=state))
            else:
                entries[k] = (False, dumps(obj, root=obj))
        return entries, blob

    def _context(self) -> dict:
        torch = _torch()
        context = {"errstate": np.geterr()}
        filters = filters_added(self.base_filters, warnings.filters)
        if filters is not None:
            context["filters"] = filters
        if torch is not None:
            context["grad"] = torch.is_grad_enabled()
        current = _rng_now()
        if current != self.rng_in_kernel:
            context["torch_rng"], context["numpy_rng"] = current[0], np.random.get_state()
        self.rng_in_kernel = current
        return context

    def _adopt_rng(self, state) -> None:
        """The kernel's call drew random numbers: the judge's generators continue from there."""
        expect(type(state) is dict, "bad random state")
        torch = _torch()
        if torch is not None and state.get("torch") is not None:
            raw = state["torch"]
            expect(type(raw) is list and all(type(b) is int and 0 <= b < 256 for b in raw), "bad torch state")
            try:
                torch.set_rng_state(torch.tensor(raw, dtype=torch.uint8))
            except RuntimeError as error:
                raise WireError(f"bad torch random state ({error})") from None
        numpy_state = state.get("numpy")
        if numpy_state is not None:
            expect(type(numpy_state) is list and len(numpy_state) == 4, "bad numpy state")
            keys, pos, has_gauss, gauss = numpy_state
            expect(type(keys) is list and len(keys) == 624 and all(type(v) is int for v in keys)
                   and type(pos) is int and type(has_gauss) is int and type(gauss) in (int, float), "bad numpy state")
            try:
                np.random.set_state(("MT19937", np.array(keys, dtype=np.uint32), pos, has_gauss, float(gauss)))
            except (ValueError, OverflowError) as error:
                raise WireError(f"bad numpy random state ({error})") from None
        self.rng_in_kernel = _rng_now()

    # ---- kernel -> judge (autograder/judge/twins.py) -----------------------------------------
    def new_twin(self, k: int, kind: str, state, decoder: wire.Decoder, depth: int):
        return twin_state.new_twin(self, k, kind, state, decoder, depth)

    def update_twin(self, k: int, state, decoder: wire.Decoder, depth: int):
        return twin_state.update_twin(self, k, state, decoder, depth)


def filters_added(base: list, now: list):
    """The warning filters a test set since its cell began, for the kernel to apply over its own.

    ("add", front, back) when `now` is `base` with filters added before and after it (what
    `simplefilter` and `filterwarnings` do); ("replace", now, []) when the test removed or
    reordered some; None when nothing changed. Sending only the difference keeps the worker's
    own filters, whose categories are classes of nbgrader's dependencies, out of the kernel:
    unpickling them there would import sqlalchemy into every grading kernel.
    """
    if now == base:
        return None
    for start in range(len(now) - len(base) + 1):
        if now[start:start + len(base)] == base:
            return ("add", list(now[:start]), list(now[start + len(base):]))
    return ("replace", list(now), [])


def _rng_now():
    torch = _torch()
    state = np.random.get_state()
    return (bytes(torch.get_rng_state().numpy()) if torch is not None else None,
            state[1].tobytes() + struct.pack("!qqd", state[2], state[3], state[4]))


def _student_error(header) -> BaseException:
    expect(len(header) == 5 and all(type(h) is str for h in header[1:]), "a malformed error reply")
    _, builtin, name, message, _traceback = header
    kind = getattr(builtins, builtin, None)
    if isinstance(kind, type) and issubclass(kind, BaseException) and not issubclass(kind, NOT_REAL_EXCEPTIONS):
        try:
            return kind(message if name == builtin else f"{name}: {message}")
        except Exception:  # an exception class with other arguments (UnicodeError...)
            pass
    return StudentCodeError(f"{name}: {message}")
