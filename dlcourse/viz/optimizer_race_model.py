"""The optimizer race's model (week 6): four optimizers on one surface, from PyTorch and from the student.

The view is `dlcourse.viz.optimizer_race`; its docstring says what the picture shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from dlcourse.viz.binding import call_student
from dlcourse.viz.palette import BLUE, GREEN, ORANGE, RED

LIMIT = 1e6  # a parameter beyond this (or inf / nan) has diverged: its run stops there
EPS = 1e-8
OPTIMIZERS = ("sgd", "momentum", "rmsprop", "adam")
LABELS = {"sgd": "SGD", "momentum": "momentum", "rmsprop": "RMSprop", "adam": "Adam"}
COLOURS = {"sgd": BLUE, "momentum": ORANGE, "rmsprop": GREEN, "adam": RED}
STUDENT_STEPS = {"sgd": "sgd_step", "momentum": "momentum_step", "rmsprop": "rmsprop_step",
                 "adam": "adam_step"}
HYPER_PARAMETERS = {"sgd": ("lr",), "momentum": ("lr", "beta"), "rmsprop": ("lr", "rho"),
                    "adam": ("lr", "beta1", "beta2")}
DEFAULT_HYPER = {"beta": 0.9, "rho": 0.9, "beta1": 0.9, "beta2": 0.999}
KAPPA_EXPONENTS = np.round(np.arange(0.0, 2.0 + 1e-9, 0.05), 2)  # the κ slider: log10 κ in steps of 0.05
KAPPA_GRID = 10.0 ** KAPPA_EXPONENTS  # 1 to 100; the bowl's paths are computed for all of them at once
DEFAULT_KAPPA = float(10.0 ** 1.5)  # 31.6: SGD's stable limit 2/κ = 0.063 sits just above its default lr
STEPS_RANGE = (10, 500)
STUDENT_TOLERANCE = 1e-6  # max |student − torch| relative to max(1, |w|) along the path


def _bowl(x, y, kappa):
    return 0.5 * (x**2 + kappa * y**2)


def _rosenbrock(x, y, kappa):
    return (1.0 - x) ** 2 + 100.0 * (y - x**2) ** 2


def _saddle(x, y, kappa):
    return x**2 - y**2 + 0.25 * y**4


LR_STEP = 0.05  # the learning-rate sliders move in steps of 0.05 in log10


def on_lr_grid(lr: float) -> float:
    """The learning rate on the sliders' grid nearest to `lr`.

    A browser slider snaps its value to its steps and sends the snapped value back; a default
    between two steps would silently change when the explorer appears (0.06 became 0.0631,
    just past SGD's stability limit on the default bowl).
    """
    return float(10 ** (round(np.log10(lr) / LR_STEP) * LR_STEP))


@dataclass(frozen=True)
class Surface:
    """A 2-D loss surface: f(x, y, κ) (numpy or torch arguments), its minima and its defaults."""

    name: str
    label: str
    f: Callable
    minima: tuple[tuple[float, float], ...]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    starts: dict[str, tuple[float, float]]
    lrs: dict[str, float]  # a learning rate per optimizer that shows the surface's story
    log_contours: bool = False
    saddles: tuple[tuple[float, float], ...] = ()


SURFACES = {
    "bowl": Surface(
        "bowl", "bowl f = ½(x² + κ·y²)", _bowl, ((0.0, 0.0),), (-4.5, 4.5), (-3.0, 3.0),
        starts={"(−4, 2)": (-4.0, 2.0), "(−4, 0.5)": (-4.0, 0.5), "(2, 2.5)": (2.0, 2.5)},
        lrs={"sgd": 0.056, "momentum": 0.02, "rmsprop": 0.05, "adam": 0.3}, log_contours=True),
    "rosenbrock": Surface(
        "rosenbrock", "Rosenbrock f = (1 − x)² + 100·(y − x²)²", _rosenbrock, ((1.0, 1.0),), (-2.0, 2.0),
        (-1.0, 3.0), starts={"(−1.2, 1)": (-1.2, 1.0), "(−1.5, 2.5)": (-1.5, 2.5), "(1.5, −0.5)": (1.5, -0.5)},
        lrs={"sgd": 1.5e-3, "momentum": 1.5e-3, "rmsprop": 2e-2, "adam": 0.1}, log_contours=True),
    "saddle": Surface(
        "saddle", "saddle f = x² − y² + y⁴/4", _saddle, ((0.0, -np.sqrt(2.0)), (0.0, np.sqrt(2.0))),
        (-3.0, 3.0), (-2.5, 2.5),
        starts={"(−2.5, 0.001) just off the ridge": (-2.5, 0.001), "(−2.5, 0) on the ridge": (-2.5, 0.0),
                "(−2.5, 1)": (-2.5, 1.0)},
        lrs={"sgd": 0.05, "momentum": 0.02, "rmsprop": 0.05, "adam": 0.1}, saddles=((0.0, 0.0),)),
}


def torch_optimizer(name: str, parameter, hyper: dict[str, float]):
    """torch.optim's version of optimizer `name` over one parameter tensor."""
    import torch

    lr = hyper["lr"]
    if name == "sgd":
        return torch.optim.SGD([parameter], lr=lr, momentum=0.0, foreach=False)
    if name == "momentum":
        return torch.optim.SGD([parameter], lr=lr, momentum=hyper["beta"], foreach=False)
    if name == "rmsprop":
        return torch.optim.RMSprop([parameter], lr=lr, alpha=hyper["rho"], eps=EPS, foreach=False)
    if name == "adam":
        return torch.optim.Adam([parameter], lr=lr, betas=(hyper["beta1"], hyper["beta2"]), eps=EPS,
                                foreach=False)
    raise ValueError(f"unknown optimizer {name!r}")


@dataclass(frozen=True)
class Run:
    """One optimizer's path: (n_steps + 1, 2) points from the start; after a divergence, nan.

    diverged_at: the index of the first point past LIMIT (or inf / nan), kept in `path`; None if
    the run stayed finite.
    """

    path: np.ndarray
    diverged_at: int | None

    def head(self, n_steps: int) -> Run:
        """The first n_steps steps of this run."""
        diverged = self.diverged_at if self.diverged_at is not None and self.diverged_at <= n_steps else None
        return Run(self.path[: n_steps + 1], diverged)


def _escaped(point: np.ndarray) -> bool:
    """True if the point is past LIMIT or not finite (nan fails every comparison)."""
    return not (abs(point[0]) < LIMIT and abs(point[1]) < LIMIT)


def gradients(surface: Surface, kappa: float, points: np.ndarray) -> np.ndarray:
    """∇f at each row of points (k, 2), from torch's autograd in float64."""
    import torch

    W = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(surface.f(W[:, 0], W[:, 1], kappa).sum(), W)
    return grad.numpy()


def torch_runs(surface: Surface, kappas, start, n_steps: int,
               hypers: dict[str, dict[str, float]]) -> dict[str, list[Run]]:
    """torch.optim's paths of the given optimizers (name -> hyper-parameters), one per κ in
    `kappas` (the bowl's whole slider at once; other surfaces ignore κ: pass one).

    Every optimizer steps a (K, 2) tensor, row k a path on the surface with κ = kappas[k]: the
    four optimizers work coordinate by coordinate, so the rows never mix, and K paths cost
    hardly more than one (the time goes to per-call overhead, not arithmetic). The optimizers'
    tensors are views into one (J, K, 2) tensor, so each step makes one autograd call for all
    of them. A path is cut where it first leaves |w| < LIMIT (or turns inf / nan).
    """
    import torch

    names = list(hypers)
    kappa = torch.tensor(np.asarray(kappas, dtype=np.float64))
    W = torch.tensor(np.broadcast_to(np.asarray(start, dtype=np.float64), (len(names), len(kappa), 2)).copy())
    rows = [W[j] for j in range(len(names))]  # views into W, and leaves: torch.optim steps them in place
    optimizers = [torch_optimizer(n, row, hypers[n]) for n, row in zip(names, rows)]
    points = W.numpy()  # shares memory with W
    paths = np.full((len(names), len(kappa), n_steps + 1, 2), np.nan)
    paths[:, :, 0] = points
    for i in range(1, n_steps + 1):
        leaf = W.detach().requires_grad_()
        (G,) = torch.autograd.grad(surface.f(leaf[..., 0], leaf[..., 1], kappa).sum(), leaf)
        for row, grad, optimizer in zip(rows, G, optimizers):
            row.grad = grad
            optimizer.step()
        paths[:, :, i] = points
        if i % 16 == 0 and not np.any(np.all(np.abs(points) < LIMIT, axis=-1)):
            break  # every path has blown up (nan fails the comparison too); the rest stays nan
    with np.errstate(invalid="ignore"):
        escaped = ~np.all(np.abs(paths) < LIMIT, axis=-1)  # (J, K, n_steps + 1)
    first = np.argmax(escaped, axis=-1)
    diverged = np.where(escaped.any(axis=-1), first, -1)
    runs = {}
    for j, n in enumerate(names):
        runs[n] = []
        for k in range(len(kappa)):
            path, at = paths[j, k], int(diverged[j, k])
            if at >= 0:
                path[at + 1:] = np.nan
            runs[n].append(Run(path, at if at >= 0 else None))
    return runs


def student_runs(steps: dict[str, Callable], surface: Surface, kappa: float, start, n_steps: int,
                 hypers: dict[str, dict[str, float]]) -> dict[str, tuple[Run | None, str]]:
    """The paths of the student's step functions (name -> function): name -> (Run or None, why not).

    params = {'w': array (2,)} is updated in place by each call and read back from the dict;
    grads = {'w': ∇f at the student's own point} come from autograd; the optimizer's state
    (velocity, cache, state) starts as {}.
    """
    names = [n for n in OPTIMIZERS if n in steps and n in hypers]
    params = {n: {"w": np.array(start, dtype=float)} for n in names}
    states: dict[str, dict] = {n: {} for n in names}
    paths = {n: np.full((n_steps + 1, 2), np.nan) for n in names}
    diverged: dict[str, int | None] = {n: None for n in names}
    why: dict[str, str] = {n: "" for n in names}
    for n in names:
        paths[n][0] = start
    running = list(names)

    def call(n, grads):
        h, function, p, s = hypers[n], steps[n], params[n], states[n]
        if n == "sgd":
            return function(p, grads, h["lr"])
        if n == "momentum":
            return function(p, grads, s, h["lr"], beta=h["beta"])
        if n == "rmsprop":
            return function(p, grads, s, h["lr"], rho=h["rho"], eps=EPS)
        return function(p, grads, s, lr=h["lr"], beta1=h["beta1"], beta2=h["beta2"], eps=EPS)

    for i in range(1, n_steps + 1):
        if not running:
            break
        grads = gradients(surface, kappa, np.array([params[n]["w"] for n in running], dtype=float))
        still = []
        for n, grad in zip(running, grads):
            with np.errstate(all="ignore"):
                _, message = call_student(STUDENT_STEPS[n], lambda: call(n, {"w": grad.copy()}))
            point = np.asarray(params[n].get("w"), dtype=float) if not message else None
            if point is not None and point.shape != (2,):
                message = f"{STUDENT_STEPS[n]}() left params['w'] with shape {point.shape}; expected (2,)."
            if message:
                why[n] = message
                continue
            paths[n][i] = point
            if _escaped(point):
                diverged[n] = i
            else:
                still.append(n)
        running = still
    return {n: (None, why[n]) if why[n] else (Run(paths[n], diverged[n]), "") for n in names}


def compare(theirs: Run, ours: Run) -> tuple[bool, float]:
    """(matches, max |Δ|) of a student's path against torch.optim's, up to torch's divergence
    (a student's path that blows up sooner differs by inf)."""
    end = len(ours.path) if ours.diverged_at is None else ours.diverged_at
    if theirs.diverged_at is not None and theirs.diverged_at < end:
        return False, float("inf")
    with np.errstate(all="ignore"):
        gap = float(np.max(np.abs(theirs.path[:end] - ours.path[:end])))
        scale = max(1.0, float(np.max(np.abs(ours.path[:end]))))
    return bool(np.isfinite(gap) and gap <= STUDENT_TOLERANCE * scale), gap


class OptimizerRaceModel:
    """State of the race: surface, κ, start, steps, hyper-parameters; the paths (cached).

    Args:
        steps: optimizer name ('sgd', 'momentum', 'rmsprop', 'adam') -> the student's step
            function, or None. `use_student` says whether to run them.
    """

    def __init__(self, surface: str = "bowl", kappa: float = DEFAULT_KAPPA, start: tuple[float, float] | None = None,
                 n_steps: int = 100, steps: dict[str, Callable] | None = None, use_student: bool = False):
        self.surface_name = surface
        self.kappa = float(kappa)
        self.n_steps = int(n_steps)
        self.steps = steps
        self.use_student = bool(use_student)
        self.hypers = {n: {h: DEFAULT_HYPER.get(h, 0.0) for h in HYPER_PARAMETERS[n]} for n in OPTIMIZERS}
        self._cache: dict[str, tuple[tuple, Run]] = {}
        self.start = (0.0, 0.0)
        self.use_surface_defaults()
        if start is not None:
            self.start = (float(start[0]), float(start[1]))

    @property
    def surface(self) -> Surface:
        return SURFACES[self.surface_name]

    def use_surface_defaults(self) -> None:
        """The surface's first start and its learning rates (what a surface change resets)."""
        surface = self.surface
        self.start = next(iter(surface.starts.values()))
        for n in OPTIMIZERS:
            self.hypers[n]["lr"] = on_lr_grid(surface.lrs[n])

    def set(self, **changes) -> None:
        """Change surface, kappa, start (x, y), n_steps, use_student, or a hyper-parameter as
        '<optimizer>_<name>', e.g. adam_lr=0.1, momentum_beta=0.5, rmsprop_rho=0.99."""
        for name, value in changes.items():
            if name == "surface":
                if value not in SURFACES:
                    raise ValueError(f"surface must be one of {sorted(SURFACES)}; got {value!r}")
                self.surface_name = value
            elif name == "kappa":
                self.kappa = float(value)
            elif name == "start":
                self.start = (float(value[0]), float(value[1]))
            elif name == "n_steps":
                self.n_steps = int(value)
            elif name == "use_student":
                self.use_student = bool(value)
            else:
                optimizer, _, hyper = name.partition("_")
                if optimizer not in self.hypers or hyper not in self.hypers[optimizer]:
                    raise TypeError(f"unknown setting {name!r}")
                self.hypers[optimizer][hyper] = float(value)

    def _kappas(self) -> tuple[tuple, np.ndarray, int]:
        """(cache key part, the κ values to compute, the index of the current κ among them)."""
        if self.surface_name != "bowl":
            return (None,), np.array([1.0]), 0
        near = int(np.argmin(np.abs(KAPPA_GRID - self.kappa)))
        if abs(KAPPA_GRID[near] - self.kappa) <= 1e-9 * self.kappa:
            return ("grid",), KAPPA_GRID, near  # a slider value: all of the slider's κ at once
        return (self.kappa,), np.array([self.kappa]), 0

    def runs(self) -> dict[str, Run]:
        """torch.optim's path of each optimizer, n_steps long. A run is recomputed only when its
        own settings change (a shorter one is cut from a longer cached run); on the bowl, the
        paths for every κ of the slider come at once, so moving κ only looks them up."""
        kappa_key, kappas, index = self._kappas()
        stale = {}
        for n in OPTIMIZERS:
            key = (self.surface_name, self.start, *kappa_key, tuple(sorted(self.hypers[n].items())))
            cached = self._cache.get(n)
            if cached is None or cached[0] != key or len(cached[1][0].path) < self.n_steps + 1:
                stale[n] = key
        if stale:
            fresh = torch_runs(self.surface, kappas, self.start, self.n_steps,
                               {n: dict(self.hypers[n]) for n in stale})
            for n, key in stale.items():
                self._cache[n] = (key, fresh[n])
        return {n: self._cache[n][1][index].head(self.n_steps) for n in OPTIMIZERS}

    def student(self) -> dict[str, tuple[Run | None, str]] | None:
        """The student's paths (name -> (Run or None, why not)), or None when not asked for."""
        if not self.use_student or self.steps is None:
            return None
        return student_runs(self.steps, self.surface, self.kappa, self.start, self.n_steps, self.hypers)

    def value(self, point) -> float:
        return float(self.surface.f(point[0], point[1], self.kappa))

    def distance(self, point) -> float:
        """Distance from point to the nearest minimum."""
        minima = np.array(self.surface.minima)
        return float(np.min(np.linalg.norm(minima - np.asarray(point)[None, :], axis=1)))

    def summary(self, run: Run) -> tuple[str, str]:
        """(final f, distance to the nearest minimum) as text, or ('diverged at step k', '')."""
        if run.diverged_at is not None:
            return f"diverged at step {run.diverged_at}", ""
        end = run.path[-1]
        return f"{self.value(end):.3g}", f"{self.distance(end):.3g}"

    def contour_lines(self) -> tuple[list[np.ndarray], np.ndarray]:
        """(segments, level of each) of the surface's contour lines inside its window."""
        surface = self.surface
        (x0, x1), (y0, y1) = surface.x_range, surface.y_range
        if surface.name == "bowl":  # ellipses x² + κy² = 2c: exact, and cheap to redo as κ moves
            t = np.linspace(0, 2 * np.pi, 181)
            radii = np.geomspace(0.15, 45.0, 26)
            segments = [np.column_stack([r * np.cos(t), r * np.sin(t) / np.sqrt(self.kappa)]) for r in radii]
            return segments, np.log10(0.5 * radii**2)
        from contourpy import contour_generator

        xs, ys = np.linspace(x0, x1, 241), np.linspace(y0, y1, 241)
        X, Y = np.meshgrid(xs, ys)
        Z = surface.f(X, Y, self.kappa)
        if surface.log_contours:
            levels = np.geomspace(0.05, float(Z.max()), 18)
        else:
            levels = np.unique(np.concatenate([np.linspace(-0.9, float(Z.max()), 14), [0.0]]))
        generator = contour_generator(X, Y, Z)
        segments, values = [], []
        for level in levels:
            for line in generator.lines(level):
                segments.append(line)
                values.append(np.log10(level) if surface.log_contours else level)
        return segments, np.array(values)


def drawable(run: Run, surface: Surface) -> np.ndarray:
    """The points of a run to draw: up to its divergence, clipped to a box around the window (a
    diverging path visibly leaves the axes; inf / nan never reach the renderer)."""
    path = run.path if run.diverged_at is None else run.path[: run.diverged_at + 1]
    path = path[np.all(~np.isnan(path), axis=1)]
    (x0, x1), (y0, y1) = surface.x_range, surface.y_range
    span = max(x1 - x0, y1 - y0)
    low, high = np.array([x0, y0]) - 10 * span, np.array([x1, y1]) + 10 * span
    return np.clip(np.nan_to_num(path, posinf=high.max(), neginf=low.min()), low, high)
