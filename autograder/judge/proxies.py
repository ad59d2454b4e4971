"""Proxies for the student's objects in the judge: handles, modules of the student's class,
and the grade cell's namespace that fetches the student's names from the kernel."""

from __future__ import annotations

import builtins
import sys

from autograder.judge.wire import expect


def _torch():
    return sys.modules.get("torch")


class KernelObject:
    """A kernel object that is not data (a function, a class, an instance): a handle to it.

    Calling it, reading an attribute, iterating and len() are requests to the kernel; what comes
    back is data, or another handle.
    """

    __slots__ = ("_link", "_hid", "_type", "_flags")

    def __init__(self, link, hid: int, type_name: str, flags: list[str]):
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
        self.link = None
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

    def start_cell(self, link) -> None:
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
