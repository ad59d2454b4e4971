"""The judge's link to one student's kernel: proxies for the student's names, twins, and calls.

A grade cell runs in the grading worker, in a `JudgeNamespace`: the names the notebook's
read-only setup cell imports are the judge's own (its numpy, torch and `dlcourse.checks`); any
other name the test reads is looked up in the kernel and comes back as data, or as a
`KernelObject` (a function, a class, an instance of the student's class) whose calls and
attributes go to the kernel. What comes back is decoded by `wire.Decoder`, never unpickled.

Arguments travel the other way pickled (cloudpickle, so a test's lambdas and classes go too).
Mutable objects a call can reach are *twins*: the kernel keeps its copy for the rest of the
cell, every call first brings the kernel's copies up to date with the judge's, and every reply
brings back the state of each twin, so `sgd_step(params, ...)` changes the judge's `params`, and
a `model.train()` inside the student's function shows in the judge's model. Global random
states (numpy's, torch's), warning filters, numpy's error state and torch's grad mode cross
with each call, so a test that seeds, or turns warnings into errors, means the same thing in
the kernel.
"""

from __future__ import annotations

import builtins
import io
import pickle
import socket
import struct
import sys
import time
import types
import warnings
from collections import OrderedDict

import cloudpickle
import numpy as np

from autograder.judge import agent, wire
from autograder.judge.wire import WireError, expect

# torch.nn classes a module coming back from the kernel may have: built empty by the judge and
# filled with data, so their forward is torch's own code. Any other module (the student's own
# class) stays in the kernel, and its forward runs there.
ALLOWED_MODULES = ("Sequential", "ModuleList", "ModuleDict", "Linear", "Bilinear", "Identity", "Flatten",
                   "Unflatten", "Conv1d", "Conv2d", "MaxPool1d", "MaxPool2d", "AvgPool1d", "AvgPool2d",
                   "AdaptiveAvgPool2d", "AdaptiveMaxPool2d", "BatchNorm1d", "BatchNorm2d", "LayerNorm",
                   "Dropout", "Dropout1d", "Dropout2d", "ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Sigmoid",
                   "Tanh", "Softmax", "LogSoftmax", "Softplus", "CrossEntropyLoss", "MSELoss", "NLLLoss",
                   "BCELoss", "BCEWithLogitsLoss", "L1Loss")
NOT_REAL_EXCEPTIONS = (SystemExit, KeyboardInterrupt, GeneratorExit)


class JudgeTimeout(Exception):
    """The student's code ran past the cell's time limit while the judge waited for it."""


class KernelGone(Exception):
    """The kernel closed the link (it died, or was interrupted) in the middle of a test."""


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
        self.reset()

    def reset(self) -> None:
        self.twins: dict[int, object] = {}
        self.twin_of: dict[int, int] = {}
        self.next_twin = 1
        self.handles: dict[int, KernelObject] = {}
        # Twins reachable from what `assign` put in the kernel (a spy's list of calls):
        # the kernel's functions may change them in any call, so every call syncs them.
        self.pinned: set[int] = set()

    # ---- the connection --------------------------------------------------------------------
    def accept(self, deadline: float, cell_ended) -> None:
        """Wait for the kernel's serve loop; give up at the deadline, or once the kernel's cell
        ended without connecting (code that rewrites cells, or a dead kernel)."""
        self.deadline = deadline
        self.reset()
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
        if self.sock is None:
            raise KernelGone("the kernel is not connected")
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
            self.handles[hid] = KernelObject(self, hid, type_name, flags)
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
        candidates = _reachable([value] + [self.twins[k] for k in self.pinned])

        class Pickler(cloudpickle.Pickler):
            root = None

            def persistent_id(self, obj):
                if type(obj) is KernelObject:
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
                state, _ = _update_state(obj)
                entries[k] = (True, dumps(state, root=state))
            else:
                entries[k] = (False, dumps(obj, root=obj))
        return entries, blob

    def _context(self) -> dict:
        torch = _torch()
        context = {"filters": list(warnings.filters), "errstate": np.geterr()}
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

    # ---- kernel -> judge ---------------------------------------------------------------------
    def new_twin(self, k: int, kind: str, state, decoder: wire.Decoder, depth: int):
        expect(k < 0 and k not in self.twins, "the kernel reused a twin number")
        torch = _torch()
        if kind == "ndarray":
            obj = decoder.array(state)
        elif kind == "dict":
            obj = {}
        elif kind == "list":
            obj = []
        elif kind == "tensor":
            expect(torch is not None, "a tensor, but torch is not imported")
            obj = _tensor(decoder, state, depth)
        elif kind == "module":
            expect(torch is not None and type(state) is dict and type(state.get("cls")) is str, "bad module")
            cls = _allowed_modules().get(state["cls"])
            obj = torch.nn.Module.__new__(cls) if cls is not None else KernelModule.__new__(KernelModule)
            torch.nn.Module.__init__(obj)
            if cls is None:
                object.__setattr__(obj, "_link", self)
                object.__setattr__(obj, "_twin", k)
                object.__setattr__(obj, "_kernel_class", state["cls"])
        elif kind == "generator":
            expect(type(state) is list and state[:1] == ["d"] or type(state) is list, "bad generator")
            raw = decoder.value(state, depth + 1)
            expect(type(raw) is dict and raw.get("bit_generator") in agent.BIT_GENERATORS, "bad generator")
            obj = np.random.Generator(getattr(np.random, raw["bit_generator"])())
            self._set_generator(obj, raw)
        elif kind == "torch_generator":
            obj = torch.Generator()
            self._apply(obj, kind, state, decoder, depth)
        else:
            raise WireError("an optimizer made in the kernel cannot be graded; return the model instead")
        self._remember(obj, k)
        if kind in ("dict", "list", "module"):
            self._apply(obj, kind, state, decoder, depth)
        return obj

    def update_twin(self, k: int, state, decoder: wire.Decoder, depth: int):
        obj = self.twin(k)
        kind = agent.twin_kind(obj)
        if isinstance(obj, KernelModule):
            kind = "module"
        self._apply(obj, kind, state, decoder, depth)
        return obj

    def _apply(self, obj, kind: str, state, decoder: wire.Decoder, depth: int) -> None:
        torch = _torch()
        if kind == "ndarray":
            expect(type(state) is list and state[:1] == ["a"], "bad array state")
            value = decoder.array(state)
            if value.shape == obj.shape:
                writeable = obj.flags.writeable
                if writeable:
                    np.copyto(obj, value, casting="unsafe")
        elif kind == "dict":
            value = decoder.pairs(state, depth)
            value = {key: _keep_own(obj.get(key, _NOTHING), new) for key, new in value.items()}
            obj.clear()
            obj.update(value)
        elif kind == "list":
            expect(type(state) is list, "bad list state")
            old = list(obj)
            items = [decoder.value(item, depth + 1) for item in state]
            obj[:] = [_keep_own(old[i] if i < len(old) else _NOTHING, new) for i, new in enumerate(items)]
        elif kind == "tensor":
            fresh = _tensor(decoder, state, depth)
            with torch.no_grad():
                if fresh.shape == obj.shape and fresh.dtype == obj.dtype:
                    obj.copy_(fresh)
                else:
                    obj.data = fresh.detach()
            if obj.is_leaf and (obj.is_floating_point() or not fresh.requires_grad):
                obj.requires_grad_(fresh.requires_grad)
                obj.grad = fresh.grad
        elif kind == "module":
            _apply_module(obj, state, decoder, depth)
        elif kind == "generator":
            self._set_generator(obj, decoder.value(state, depth + 1))
        elif kind == "torch_generator":
            raw = decoder.array(state)
            expect(raw.dtype == np.uint8, "bad torch generator state")
            try:
                obj.set_state(torch.from_numpy(raw))
            except RuntimeError as error:
                raise WireError(f"bad torch generator state ({error})") from None
        elif kind == "optimizer":
            expect(type(state) is dict, "bad optimizer state")
            state_dict = decoder.value(state.get("state_dict"), depth + 1)
            expect(type(state_dict) is dict, "bad optimizer state")
            try:
                obj.load_state_dict(state_dict)
            except (ValueError, KeyError, TypeError, RuntimeError) as error:
                raise WireError(f"the optimizer's state came back unusable ({error})") from None


    @staticmethod
    def _set_generator(obj, raw) -> None:
        expect(type(raw) is dict, "bad generator state")
        try:
            obj.bit_generator.state = raw
        except (ValueError, TypeError, KeyError) as error:
            raise WireError(f"bad generator state ({error})") from None


_NOTHING = object()


def _reachable(roots) -> set[int]:
    """Ids of the twin-kind objects the test's values reach: through containers, objects'
    attributes, modules' parts, optimizers' groups, and functions' closures and globals."""
    seen: set[int] = set()
    found: set[int] = set()
    stack = list(roots)
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (str, bytes, int, float, bool, type(None), type, KernelObject)):
            continue
        seen.add(id(obj))
        kind = agent.twin_kind(obj)
        if kind is not None:
            found.add(id(obj))
        if kind in ("ndarray", "generator", "torch_generator"):
            continue
        if kind == "tensor":
            if obj.grad is not None:
                stack.append(obj.grad)
            continue
        if isinstance(obj, (tuple, list, set, frozenset)):
            stack.extend(obj)
        elif isinstance(obj, dict):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif callable(obj) and hasattr(obj, "__code__"):  # a function: its closure and globals
            stack.extend(c.cell_contents for c in (obj.__closure__ or ()) if _has_contents(c))
            names = _code_names(obj.__code__)
            stack.extend(obj.__globals__[n] for n in names if n in obj.__globals__)
            stack.extend(obj.__defaults__ or ())
        elif hasattr(obj, "__dict__") and not isinstance(obj, types.ModuleType):
            stack.extend(vars(obj).values())
        if kind == "optimizer":
            stack.extend(obj.param_groups)
            stack.extend(obj.state.keys())
            stack.extend(obj.state.values())
    return found


def _has_contents(cell) -> bool:
    try:
        cell.cell_contents
    except ValueError:
        return False
    return True


def _code_names(code) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def _keep_own(old, new):
    """A handle in a twin's state stands for the kernel's copy of something the judge has itself:
    the judge keeps its own object (a handle never replaces a real one in the judge's objects)."""
    if type(new) is KernelObject and old is not _NOTHING and type(old) is not KernelObject:
        return old
    return new


def _rng_now():
    torch = _torch()
    state = np.random.get_state()
    return (bytes(torch.get_rng_state().numpy()) if torch is not None else None,
            state[1].tobytes() + struct.pack("!qqd", state[2], state[3], state[4]))


def _update_state(obj):
    """What the kernel needs to bring its copy of a known twin up to the judge's version."""
    """(state, ids of the objects made for it, which are sent by value)."""
    kind = "module" if isinstance(obj, KernelModule) else agent.twin_kind(obj)
    if kind == "tensor":
        value = obj.detach().clone()
        return (value, bool(obj.requires_grad), obj.grad), {id(value)}
    if kind == "module":
        attrs = {n: v for n, v in vars(obj).items() if not n.startswith("_") and n != "training"}
        state = {"training": obj.training, "_parameters": OrderedDict(obj._parameters),
                 "_buffers": OrderedDict(obj._buffers), "_modules": OrderedDict(obj._modules), "attrs": attrs}
        return state, {id(state), id(attrs)}
    if kind == "optimizer":
        state = obj.__getstate__()
        return state, {id(state)}
    if kind == "generator":
        state = obj.bit_generator.state
        return state, {id(state), id(state.get("state"))}
    if kind == "torch_generator":
        state = obj.get_state()
        return state, {id(state)}
    return obj, set()  # arrays, dicts and lists: themselves, by value


def _tensor(decoder: wire.Decoder, state, depth: int):
    torch = _torch()
    expect(type(state) is list and len(state) == 4 and type(state[1]) is bool and type(state[2]) is bool,
           "bad tensor")
    values = decoder.array(state[0])
    tensor = torch.from_numpy(values)
    floating = tensor.is_floating_point() or tensor.is_complex()
    if state[2] and floating:
        tensor = torch.nn.Parameter(tensor, requires_grad=state[1])
    elif state[1] and floating:
        tensor.requires_grad_(True)
    if state[3] is not None:
        grad = decoder.value(state[3], depth + 1)
        expect(isinstance(grad, torch.Tensor) and grad.shape == tensor.shape, "bad gradient")
        tensor.grad = grad.detach().to(tensor.dtype)
    return tensor


def _apply_module(obj, state, decoder: wire.Decoder, depth: int) -> None:
    torch = _torch()
    expect(type(state) is dict and type(state.get("training")) is bool, "bad module state")
    object.__setattr__(obj, "training", state["training"])
    slots = (("params", "_parameters", torch.Tensor), ("buffers", "_buffers", torch.Tensor),
             ("modules", "_modules", torch.nn.Module))
    for key, slot, kind in slots:
        entries = state.get(key)
        expect(type(entries) is list, "bad module state")
        fresh = OrderedDict()
        for entry in entries:
            expect(type(entry) is list and len(entry) == 2 and type(entry[0]) is str, "bad module entry")
            value = None if entry[1] is None else decoder.value(entry[1], depth + 1)
            expect(value is None or isinstance(value, kind), f"a module's {key} entry is not a {kind.__name__}")
            if key == "params" and value is not None and not isinstance(value, torch.nn.Parameter):
                value = torch.nn.Parameter(value.detach(), requires_grad=value.requires_grad)
            fresh[entry[0]] = value
        getattr(obj, slot).clear()
        getattr(obj, slot).update(fresh)
    attrs = state.get("attrs")
    expect(type(attrs) is list, "bad module attributes")
    for entry in attrs:
        expect(type(entry) is list and len(entry) == 2 and type(entry[0]) is str and entry[0].isidentifier()
               and not entry[0].startswith("_") and entry[0] not in ("training", "forward"), "bad module attribute")
        obj.__dict__[entry[0]] = decoder.value(entry[1], depth + 1)


_ALLOWED: dict | None = None


def _allowed_modules() -> dict:
    global _ALLOWED
    if _ALLOWED is None:
        nn = _torch().nn
        classes = [getattr(nn, name) for name in ALLOWED_MODULES if hasattr(nn, name)]
        _ALLOWED = {f"{c.__module__}.{c.__qualname__}": c for c in classes}
    return _ALLOWED


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


class KernelObject:
    """A kernel object that is not data (a function, a class, an instance): a handle to it.

    Calling it, reading an attribute, iterating and len() are requests to the kernel; what comes
    back is data, or another handle.
    """

    __slots__ = ("_link", "_hid", "_type", "_flags")

    def __init__(self, link: Link, hid: int, type_name: str, flags: list[str]):
        object.__setattr__(self, "_link", link)
        object.__setattr__(self, "_hid", hid)
        object.__setattr__(self, "_type", type_name)
        object.__setattr__(self, "_flags", frozenset(flags))

    def __call__(self, *args, **kwargs):
        return self._link.call(self._hid, args, kwargs)

    def __getattr__(self, name: str):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._link.request(("getattr", self._hid, name))[0]

    def __iter__(self):
        if "iterator" in self._flags:
            return self
        return self._link.request(("iter", self._hid))[0]

    def __next__(self):
        return self._link.request(("next", self._hid))[0]

    def __len__(self) -> int:
        value = self._link.request(("len", self._hid))[0]
        expect(type(value) is int, "len() did not give an int")
        return value

    def __repr__(self) -> str:
        return f"<{self._type.rsplit('.', 1)[-1]} object in your notebook>"


class KernelModule:  # replaced by a torch.nn.Module subclass on first use (torch is imported lazily)
    pass


def _make_kernel_module():
    nn = _torch().nn

    torch = _torch()

    class KernelForward(torch.autograd.Function):
        """The student's forward as one node of the judge's graph: forward and backward run in
        the kernel, so the judge's optimizer can train the module's (twin) parameters."""

        @staticmethod
        def forward(ctx, module, n_inputs, *tensors):
            out, token = module._link.forward(module, tensors[:n_inputs], {})
            expect(isinstance(out, torch.Tensor), "forward did not return a tensor")
            ctx.module, ctx.token, ctx.n_inputs = module, token, n_inputs
            ctx.shapes = [t.shape for t in tensors]
            return out

        @staticmethod
        def backward(ctx, grad_out):
            grads = ctx.module._link.backward(ctx.token, grad_out.detach())
            expect(len(grads) == len(ctx.shapes), "a gradient for every input and parameter")
            for g, shape in zip(grads, ctx.shapes):
                expect(g is None or (isinstance(g, torch.Tensor) and g.shape == shape), "a gradient of the wrong shape")
            return (None, None, *grads)

    class KernelModule(nn.Module):
        """A module of the student's own class: its parts are twins, its forward runs in the kernel."""

        def forward(self, *args, **kwargs):
            params = list(self.parameters())
            tensors = [a for a in args if isinstance(a, torch.Tensor)]
            graph = torch.is_grad_enabled() and not kwargs and len(tensors) == len(args) and (
                any(p.requires_grad for p in params) or any(t.requires_grad for t in tensors))
            if graph:
                return KernelForward.apply(self, len(args), *args, *params)
            return self._link.call(("twin", self._twin), args, kwargs, sync=(self,))

        def __repr__(self) -> str:
            return f"<{self._kernel_class.rsplit('.', 1)[-1]} (your class) in your notebook>"

    return KernelModule


class JudgeNamespace(dict):
    """A grade cell's globals: the judge's own names, and the student's, fetched from the kernel."""

    def __init__(self, trusted: dict):
        super().__init__(trusted)
        self.link: Link | None = None
        self.from_kernel: set[str] = set()
        self.assigned: set[str] = set()

    def __missing__(self, name: str):
        if name in builtins.__dict__ or self.link is None or name.startswith("__"):
            raise KeyError(name)
        try:
            value = self.link.lookup(name)
        except NameError:
            raise KeyError(name) from None
        dict.__setitem__(self, name, value)
        self.from_kernel.add(name)
        return value

    def start_cell(self, link: Link) -> None:
        """Forget what earlier cells fetched: the kernel may have redefined it since."""
        for name in self.from_kernel:
            dict.pop(self, name, None)
        self.from_kernel.clear()
        self.link = link

    def assign_in_kernel(self, name: str, value) -> None:
        """install_references: the kernel's `name` becomes `value` (and so does the judge's)."""
        self.link.assign(name, value)
        dict.__setitem__(self, name, value)
        self.assigned.add(name)
        self.from_kernel.discard(name)

    def restore_in_kernel(self) -> None:
        self.link.restore()
        for name in self.assigned:
            dict.pop(self, name, None)
        self.assigned.clear()


def install_kernel_module_class() -> None:
    """Make KernelModule a real nn.Module subclass, once torch is imported (by the judge's setup)."""
    global KernelModule
    if _torch() is not None and not issubclass(KernelModule, _torch().nn.Module):
        KernelModule = _make_kernel_module()
