"""The kernel side of the judge: answers the judge's requests from inside the student's kernel.

The judge (autograder/judge/link.py) runs every grade cell in the grading worker. When a test
calls a student's function, the judge sends the call here over a Unix socket; this agent calls
the function in the kernel and sends back the result as *data only* (the wire format below),
which the judge decodes against a strict schema. Nothing here is trusted once it runs: the
student's code can change any of it, and all that can achieve is a wrong reply, which the
judge's checks then judge.

Objects that live on both sides are "twins": the arrays, tensors, dicts, lists, modules and
optimizers a call can reach. The judge sends them (pickled) with each call; the agent keeps
them, applies in-place updates to the ones it has already, and after the call sends back each
one's state, so in-place changes (sgd_step(params, ...), model.train()) cross back exactly.

This file is sent to the kernel as source text and needs only the standard library, numpy and
(when the notebook imported it) torch; the judge imports it too, for the wire format's names.
That is also why it is one file of some 480 lines: the kernel side must arrive whole.

Wire format (kernel -> judge), one JSON header plus raw byte blobs:
    null, true, false, numbers, strings        themselves
    ["t", [nodes]]                             a tuple
    ["d", [[key, value]...]], ["l", [nodes]]   a dict or list subclass's data, as a plain one
    ["a", dtype, shape, blob]                  a numpy array's values (inside a twin's state)
    ["s", dtype, blob]                         a numpy scalar
    ["N", k, kind, state] / ["P", k, state]    a new twin k / an existing twin k, with its state
    ["R", k]                                   twin k again, its state already in this reply
    ["h", id, type name, flags]                a handle: a kernel object that is not data
"""

import json
import pickle
import socket
import struct
import sys
import traceback
import warnings

import numpy as np

NUMERIC_DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                  "float16", "float32", "float64", "complex64", "complex128")
KINDS = ("ndarray", "tensor", "dict", "list", "module", "optimizer", "generator", "torch_generator")
BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")
MAX_DEPTH = 64


def send_frame(sock, payload: bytes) -> None:
    sock.sendall(struct.pack("!Q", len(payload)) + payload)


def recv_frame(sock, limit: int = 1 << 31) -> bytes:
    head = _recv_exact(sock, 8)
    (size,) = struct.unpack("!Q", head)
    if size > limit:
        raise ValueError(f"a message of {size} bytes is over the limit of {limit}")
    return _recv_exact(sock, size)


def _recv_exact(sock, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 22))
        if not chunk:
            raise EOFError("the other side closed the connection")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def pack(header, blobs) -> bytes:
    """The header as JSON, then the blobs: [u32 header length][header][u32 n][u64 sizes][bytes]."""
    text = json.dumps(header, allow_nan=True).encode()
    parts = [struct.pack("!I", len(text)), text, struct.pack("!I", len(blobs))]
    parts += [struct.pack("!Q", len(b)) for b in blobs]
    return b"".join(parts + list(blobs))


def _torch():
    return sys.modules.get("torch")


def twin_kind(obj):
    """Which kind of twin `obj` is, or None if it crosses by value (or as a handle)."""
    if isinstance(obj, np.ndarray):
        return "ndarray"
    if type(obj) is dict:  # exactly: an OrderedDict or a defaultdict crosses by value
        return "dict"
    if type(obj) is list:
        return "list"
    if isinstance(obj, np.random.Generator):  # a test's rng: its state must advance on both sides
        return "generator"
    torch = _torch()
    if torch is not None:
        if isinstance(obj, torch.Tensor):
            return "tensor"
        if isinstance(obj, torch.nn.Module):
            return "module"
        if isinstance(obj, torch.optim.Optimizer):
            return "optimizer"
        if isinstance(obj, torch.Generator):
            return "torch_generator"
    return None


class Agent:
    """The kernel's half of one submission's link: twins, handles, and the request loop."""

    def __init__(self, namespace):
        self.namespace = namespace
        self.twins = {}      # k -> object
        self.twin_of = {}    # id(object) -> k
        self.handles = {}    # handle id -> object
        self.saved = {}      # name -> the student's object, while a reference replaces it
        self.next_twin = -1  # the kernel numbers its new twins downwards, the judge upwards
        self.next_handle = 1

    # ---- judge -> kernel: pickles, resolving twins ----------------------------------------
    def unpack_call(self, entries, blob):
        """entries: {k: (is_update, payload)}; blob: the pickled value, with twins as persistent ids."""
        agent, building = self, {}

        class Unpickler(pickle.Unpickler):
            def persistent_load(self, k):
                if isinstance(k, tuple):  # ("h", id): a kernel object the judge holds a handle to
                    return agent.handles[k[1]]
                return resolve(k)

        def resolve(k):
            if k in building:
                return building[k]
            entry = entries.get(k)
            if entry is None or entry[0]:  # not sent, or an update: the twin we have
                return agent.twins[k]
            value = load(entry[1])
            building[k] = value
            agent.register(value, k)
            return value

        def load(payload):
            import io
            return Unpickler(io.BytesIO(payload)).load()

        for k, (is_update, payload) in entries.items():
            if not is_update:
                resolve(k)
        for k, (is_update, payload) in entries.items():
            if is_update and k in self.twins:
                self.transplant(self.twins[k], load(payload))
        return load(blob)

    def transplant(self, twin, state):
        """Make the twin we hold equal to the judge's version of it, in place."""
        kind = twin_kind(twin)
        if kind == "ndarray":
            if twin.shape == state.shape:
                writeable = twin.flags.writeable
                twin.setflags(write=True)
                np.copyto(twin, state, casting="unsafe")
                twin.setflags(write=writeable)
        elif kind == "dict":
            twin.clear()
            twin.update(state)
        elif kind == "list":
            twin[:] = state
        elif kind == "tensor":
            torch = _torch()
            value, requires_grad, grad = state
            with torch.no_grad():
                if twin.shape == value.shape:
                    twin.copy_(value)
                else:
                    twin.data = value
            if twin.is_leaf:
                twin.requires_grad_(requires_grad)
                twin.grad = grad
        elif kind == "module":
            twin.training = state["training"]
            for slot in ("_parameters", "_buffers", "_modules"):
                getattr(twin, slot).clear()
                getattr(twin, slot).update(state[slot])
            for name, value in state["attrs"].items():
                twin.__dict__[name] = value
        elif kind == "optimizer":
            twin.__setstate__(state)
        elif kind == "generator":
            twin.bit_generator.state = state
        elif kind == "torch_generator":
            twin.set_state(state)

    def register(self, obj, k=None):
        if k is None:
            k = self.next_twin
            self.next_twin -= 1
        self.twins[k] = obj
        self.twin_of[id(obj)] = k
        return k

    # ---- kernel -> judge: data only ----------------------------------------------------------
    def encode(self, value, states_of=()):
        """(header, blobs) for a reply: the value, then the states of the twins in `states_of`."""
        encoder = _Encoder(self)
        body = encoder.node(value, 0)
        states = [[k, encoder.node(self.twins[k], 0)] for k in states_of if k in self.twins]
        return ["ok", body, states], encoder.blobs

    def handle(self, obj):
        hid = self.next_handle
        self.next_handle += 1
        self.handles[hid] = obj
        flags = []
        if callable(obj):
            flags.append("callable")
        if isinstance(obj, type):
            flags.append("class")
        if hasattr(type(obj), "__next__"):
            flags.append("iterator")
        if hasattr(type(obj), "__iter__"):
            flags.append("iterable")
        return ["h", hid, _type_name(obj), flags]

    # ---- requests ----------------------------------------------------------------------------
    def serve(self, path):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(path)
        try:
            while True:
                request = pickle.loads(recv_frame(sock))
                if request[0] == "bye":
                    return
                try:
                    header, blobs = self.answer(request)
                except KeyboardInterrupt:
                    raise
                except BaseException as error:  # the student's error, sent back as words
                    # Free the failed frames' locals first (a memory bomb's hoard, say).
                    traceback.clear_frames(error.__traceback__)
                    header, blobs = _error_reply(error), []
                send_frame(sock, pack(header, blobs))
        finally:
            sock.close()

    def answer(self, request):
        verb = request[0]
        if verb == "lookup":
            name = request[1]
            if name not in self.namespace:
                raise NameError(f"name {name!r} is not defined")
            return self.encode(self.namespace[name])
        if verb == "call":
            _, target, entries, blob, context = request
            if isinstance(target, tuple):  # ("twin", k): a module of the student's class, called
                function = self.twins[target[1]]
            else:
                function = self.handles[target] if isinstance(target, int) else self.namespace[target]
            args, kwargs, _ = self.unpack_call(entries, blob)
            result = self.call_in_context(function, args, kwargs, context)
            header, blobs = self.encode(result, states_of=list(entries))
            header.append(self.rng_state(context))
            return header, blobs
        if verb == "forward":  # a module of the student's class, in a graph the judge differentiates
            _, k, entries, blob, context = request
            module = self.twins[k]
            args, kwargs, _ = self.unpack_call(entries, blob)
            torch = _torch()
            inputs = [a.detach().requires_grad_(a.is_floating_point()) if isinstance(a, torch.Tensor) else a
                      for a in args]
            context = dict(context, grad=True)
            out = self.call_in_context(module, inputs, kwargs, context)
            if not isinstance(out, torch.Tensor):
                raise TypeError(f"forward returned {type(out).__name__}, not a tensor")
            token = self.next_handle
            self.next_handle += 1
            self.graphs = getattr(self, "graphs", {})
            self.graphs[token] = (out, [a for a in inputs if isinstance(a, torch.Tensor)], list(module.parameters()))
            header, blobs = self.encode(out.detach(), states_of=list(entries))
            header.append(self.rng_state(context))
            header.append(token)
            return header, blobs
        if verb == "backward":
            _, token, entries, blob = request
            grad_out, _, _ = self.unpack_call(entries, blob)
            out, inputs, params = self.graphs.pop(token)
            torch = _torch()
            targets = [t for t in inputs + params if t.requires_grad]
            grads = torch.autograd.grad(out, targets, grad_out, allow_unused=True) if targets else ()
            by_id = {id(t): g for t, g in zip(targets, grads)}
            return self.encode([by_id.get(id(t)) for t in inputs + params])
        if verb == "getattr":
            return self.encode(getattr(self.handles[request[1]], request[2]))
        if verb == "iter":
            return self.encode(iter(self.handles[request[1]]))
        if verb == "next":
            return self.encode(next(self.handles[request[1]]))
        if verb == "len":
            return self.encode(int(len(self.handles[request[1]])))
        if verb == "repr":
            return self.encode(repr(self.handles[request[1]])[:2000])
        if verb == "assign":  # install_references: the judge's functions stand in for the student's
            _, name, entries, blob = request
            if name not in self.saved:
                self.saved[name] = self.namespace.get(name, _MISSING)
            self.namespace[name] = self.unpack_call(entries, blob)[0]
            return self.encode(None)
        if verb == "restore":
            for name, original in self.saved.items():
                if original is _MISSING:
                    self.namespace.pop(name, None)
                else:
                    self.namespace[name] = original
            self.saved.clear()
            return self.encode(None)
        raise ValueError(f"unknown request {verb!r}")

    def call_in_context(self, function, args, kwargs, context):
        """Call with the judge's warning filters, numpy error state, grad mode and random state."""
        torch = _torch()
        if context.get("torch_rng") is not None and torch is not None:
            torch.set_rng_state(torch.tensor(np.frombuffer(context["torch_rng"], dtype=np.uint8).copy()))
        if context.get("numpy_rng") is not None:
            np.random.set_state(context["numpy_rng"])
        self._rng_before = self.rng_bytes()
        with warnings.catch_warnings(), np.errstate(**context.get("errstate", {})):
            if context.get("filters") is not None:  # what the test set, over the kernel's own
                how, first, last = context["filters"]
                warnings.filters[:] = list(first) + (warnings.filters if how == "add" else []) + list(last)
            if torch is not None and "grad" in context:
                with torch.set_grad_enabled(context["grad"]):
                    return function(*args, **kwargs)
            return function(*args, **kwargs)

    def rng_bytes(self):
        torch = _torch()
        numpy_state = np.random.get_state()
        return (bytes(torch.get_rng_state().numpy()) if torch is not None else None,
                numpy_state[1].tobytes() + struct.pack("!qqd", numpy_state[2], numpy_state[3], numpy_state[4]))

    def rng_state(self, context):
        """The random states after the call, when the call used them (else null)."""
        after = self.rng_bytes()
        if after == self._rng_before:
            return None
        state = np.random.get_state()
        return {"torch": list(after[0]) if after[0] is not None else None,
                "numpy": [state[1].tolist(), int(state[2]), int(state[3]), float(state[4])]}


_MISSING = object()


def _type_name(obj):
    kind = type(obj)
    return f"{getattr(kind, '__module__', '?')}.{getattr(kind, '__qualname__', '?')}"[:200]


def _error_reply(error):
    kind = type(error)
    text = "".join(traceback.format_exception(kind, error, error.__traceback__)[-12:])
    try:
        message = str(error)[:2000]
    except BaseException:
        message = "(its message could not be read)"
    # The nearest builtin exception class, so `except ValueError:` in a test works across.
    builtin = next((c.__name__ for c in kind.__mro__ if c.__module__ == "builtins"), "Exception")
    return ["err", builtin, kind.__name__[:100], message, text[-4000:]]


class _Encoder:
    def __init__(self, agent):
        self.agent = agent
        self.blobs = []
        self.done = set()

    def blob(self, data: bytes) -> int:
        self.blobs.append(data)
        return len(self.blobs) - 1

    def array(self, value):
        if not value.flags.c_contiguous:
            value = value.copy(order="C")  # (np.ascontiguousarray would make a 0-d array 1-d)
        if value.dtype.name not in NUMERIC_DTYPES:
            raise TypeError(f"an array of dtype {value.dtype} cannot be graded (numbers or bools only)")
        if value.dtype.byteorder == ">":
            value = value.astype(value.dtype.newbyteorder("="))
        return ["a", value.dtype.name, list(value.shape), self.blob(value.tobytes())]

    def node(self, obj, depth):
        if depth > MAX_DEPTH:
            raise ValueError("the value is nested too deeply to be graded")
        if obj is None or type(obj) in (bool, str):
            return obj
        if isinstance(obj, bool):
            return bool(obj)
        if isinstance(obj, int) and not isinstance(obj, np.generic):
            return int(obj)
        if isinstance(obj, float) and not isinstance(obj, np.generic):
            return float(obj)
        if isinstance(obj, str):
            return str(obj)
        if isinstance(obj, np.generic):
            if obj.dtype.name not in NUMERIC_DTYPES:
                raise TypeError(f"a numpy {obj.dtype} value cannot be graded")
            return ["s", obj.dtype.name, self.blob(obj.tobytes())]
        if isinstance(obj, tuple):
            return ["t", [self.node(item, depth + 1) for item in obj]]
        kind = twin_kind(obj)
        if kind is None and isinstance(obj, dict):  # OrderedDict, defaultdict: a plain dict's data
            return ["d", [[self.node(key, depth + 1), self.node(value, depth + 1)] for key, value in list(obj.items())]]
        if kind is None and isinstance(obj, list):
            return ["l", [self.node(item, depth + 1) for item in list(obj)]]
        if kind is None:
            return self.agent.handle(obj)
        k = self.agent.twin_of.get(id(obj))
        if k is not None and self.agent.twins.get(k) is not obj:
            k = None  # an id reused by a new object
        if k is not None and k in self.done:
            return ["R", k]
        new = k is None
        if new:
            k = self.agent.register(obj)
        self.done.add(k)
        state = self.state(obj, kind, depth)
        return ["N", k, kind, state] if new else ["P", k, state]

    def state(self, obj, kind, depth):
        if kind == "ndarray":
            return self.array(obj)
        if kind == "dict":
            return [[self.node(key, depth + 1), self.node(value, depth + 1)] for key, value in list(obj.items())]
        if kind == "list":
            return [self.node(item, depth + 1) for item in list(obj)]
        if kind == "tensor":
            torch = _torch()
            data = obj.detach().cpu()
            if data.dtype == torch.bfloat16:
                data = data.float()
            grad = obj.grad if obj.is_leaf else None
            return [self.array(data.numpy()), bool(obj.requires_grad), isinstance(obj, torch.nn.Parameter),
                    self.node(grad, depth + 1) if grad is not None else None]
        if kind == "module":
            attrs = []
            for name, value in list(vars(obj).items()):
                if name.startswith("_") or name == "training":
                    continue
                try:
                    attrs.append([name, self.plain(value, depth + 1)])
                except TypeError:
                    continue  # not data (a function, say): it stays in the kernel
            return {"cls": _type_name(obj), "training": bool(obj.training),
                    "params": [[n, self.node(p, depth + 1) if p is not None else None]
                               for n, p in obj._parameters.items()],
                    "buffers": [[n, self.node(b, depth + 1) if b is not None else None]
                                for n, b in obj._buffers.items()],
                    "modules": [[n, self.node(m, depth + 1) if m is not None else None]
                                for n, m in obj._modules.items()],
                    "attrs": attrs}
        if kind == "optimizer":
            return {"cls": _type_name(obj), "state_dict": self.node(obj.state_dict(), depth + 1)}
        if kind == "generator":
            return self.node(obj.bit_generator.state, depth + 1)
        if kind == "torch_generator":
            return self.array(obj.get_state().numpy())
        raise TypeError(kind)

    def plain(self, value, depth):
        """A module attribute: data (numbers, strings, tuples, lists, dicts of those), else TypeError."""
        if value is None or isinstance(value, (bool, int, float, str)):
            return self.node(value, depth)
        if isinstance(value, tuple):
            return ["t", [self.plain(v, depth + 1) for v in value]]
        if isinstance(value, (list, dict, np.ndarray, np.generic)):
            return self.node(value, depth)
        raise TypeError("not data")


def serve(path, namespace):
    """Answer the judge until it says bye. Twins and handles last one cell; the student's
    functions that references stand in for are kept until the judge restores them."""
    agent = Agent(namespace)
    agent.saved = sys.modules.setdefault("_dlcourse_judge_saved", {})
    agent.serve(path)
