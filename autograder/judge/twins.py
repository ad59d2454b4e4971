"""Twins, the judge's half: turning the kernel's data back into the judge's objects, in place.

A twin is a mutable object a call can reach (an array, a tensor, a dict, a list, a module, an
optimizer, a random generator): the judge's copy and the kernel's copy are kept equal at every
call boundary. Here: which of a test's objects are twins (`reachable`), what the kernel needs to
update its copy (`update_state`), and how a state the kernel sent, already decoded by
`wire.Decoder`, is built into a new judge object or applied to an existing one. Only data is
applied, and only modules of an allowed torch.nn class are built; a handle never replaces one of
the judge's own objects.
"""

from __future__ import annotations

import sys
import types
from collections import OrderedDict

import numpy as np

from autograder.judge import agent, proxies, wire
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


def _torch():
    return sys.modules.get("torch")


def new_twin(link, k: int, kind: str, state, decoder: wire.Decoder, depth: int):
    expect(k < 0 and k not in link.twins, "the kernel reused a twin number")
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
        obj = torch.nn.Module.__new__(cls) if cls is not None else proxies.KernelModule.__new__(proxies.KernelModule)
        torch.nn.Module.__init__(obj)
        if cls is None:
            object.__setattr__(obj, "_link", link)
            object.__setattr__(obj, "_twin", k)
            object.__setattr__(obj, "_kernel_class", state["cls"])
    elif kind == "generator":
        expect(type(state) is list and state[:1] == ["d"] or type(state) is list, "bad generator")
        raw = decoder.value(state, depth + 1)
        expect(type(raw) is dict and raw.get("bit_generator") in agent.BIT_GENERATORS, "bad generator")
        obj = np.random.Generator(getattr(np.random, raw["bit_generator"])())
        _set_generator(obj, raw)
    elif kind == "torch_generator":
        obj = torch.Generator()
        apply_state(link, obj, kind, state, decoder, depth)
    else:
        raise WireError("an optimizer made in the kernel cannot be graded; return the model instead")
    link._remember(obj, k)
    if kind in ("dict", "list", "module"):
        apply_state(link, obj, kind, state, decoder, depth)
    return obj

def update_twin(link, k: int, state, decoder: wire.Decoder, depth: int):
    obj = link.twin(k)
    kind = agent.twin_kind(obj)
    if isinstance(obj, proxies.KernelModule):
        kind = "module"
    apply_state(link, obj, kind, state, decoder, depth)
    return obj

def apply_state(link, obj, kind: str, state, decoder: wire.Decoder, depth: int) -> None:
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
        _set_generator(obj, decoder.value(state, depth + 1))
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


def _set_generator(obj, raw) -> None:
    expect(type(raw) is dict, "bad generator state")
    try:
        obj.bit_generator.state = raw
    except (ValueError, TypeError, KeyError) as error:
        raise WireError(f"bad generator state ({error})") from None


_NOTHING = object()


def reachable(roots) -> set[int]:
    """Ids of the twin-kind objects the test's values reach: through containers, objects'
    attributes, modules' parts, optimizers' groups, and functions' closures and globals."""
    seen: set[int] = set()
    found: set[int] = set()
    stack = list(roots)
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (str, bytes, int, float, bool, type(None), type, proxies.KernelObject)):
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
    if type(new) is proxies.KernelObject and old is not _NOTHING and type(old) is not proxies.KernelObject:
        return old
    return new


def update_state(obj):
    """What the kernel needs to bring its copy of a known twin up to the judge's version."""
    """(state, ids of the objects made for it, which are sent by value)."""
    kind = "module" if isinstance(obj, proxies.KernelModule) else agent.twin_kind(obj)
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
