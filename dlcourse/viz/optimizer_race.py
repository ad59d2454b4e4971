"""Optimizer race (week 6): SGD, momentum, RMSprop and Adam from one start on a 2-D surface.

Three surfaces, each a function f(x, y) of two parameters:
- bowl: f = ½(x² + κ y²), minimum (0, 0). The condition number κ (1 to 100) is the ratio of the
  curvatures: SGD's learning rate must stay below 2 / κ or it blows up along y, and then it
  crawls along x; momentum and the per-coordinate step sizes of RMSprop and Adam help.
- Rosenbrock: f = (a − x)² + b (y − x²)² with a = 1, b = 100, minimum (1, 1) at the end of a long
  curved valley (drawn with log-spaced contours).
- saddle: f = x² − y² + y⁴/4, a saddle point at (0, 0) and minima at (0, ±√2), f = −1 (the
  quartic term keeps it bounded below). Started on the ridge y = 0 every optimizer stops at the
  saddle; just off it, Adam and RMSprop escape much sooner than SGD.

`OptimizerRaceModel` is the state (surface, κ, start, steps, each optimizer's hyper-parameters)
and its paths. The gradients come from torch's autograd and the steps from torch.optim (SGD
with momentum 0 or β, RMSprop(alpha=ρ, eps=1e-8), Adam), all in float64: the library holds no
solution of week 6's exercises. Given the student's `sgd_step`, `momentum_step`, `rmsprop_step`
and `adam_step`, it also runs those (gradients from autograd at the student's own iterates) and
says how far each path is from torch.optim's. `OptimizerRaceExplorer` is the thin view.

This file is the view; the model is `dlcourse/viz/optimizer_race_model.py`.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from dlcourse.viz.explorer import Explorer, launch, live_readout, setup_text
from dlcourse.viz.optimizer_race_model import (
    COLOURS,
    DEFAULT_HYPER,
    DEFAULT_KAPPA,
    HYPER_PARAMETERS,
    LABELS,
    LR_STEP,
    OPTIMIZERS,
    OptimizerRaceModel,
    Run,
    STEPS_RANGE,
    STUDENT_STEPS,
    SURFACES,
    compare,
    drawable,
    on_lr_grid,
)
from dlcourse.viz.palette import text_color


LR_RANGE = (-4.0, 0.5)  # log10 of each learning rate slider
HYPER_SLIDERS = {"beta": ("β", 0.0, 0.99, 0.01), "rho": ("ρ", 0.5, 0.999, 0.001),
                 "beta1": ("β1", 0.0, 0.99, 0.01), "beta2": ("β2", 0.9, 0.9999, 0.0001)}


# Each path has its own marker too: told apart without colour (and in a grey print-out).
MARKERS = {"sgd": "o", "momentum": "s", "rmsprop": "^", "adam": "D"}


def race_setup(surface: str, start: tuple[float, float], kappa: float = DEFAULT_KAPPA, n_steps: int = 100,
               **lrs: float) -> str:
    """A whole setup: the surface's learning rates (`lrs` changes some, e.g. sgd=0.25) and default
    β, ρ; every rate on the sliders' grid (a browser slider snaps to it)."""
    values = {"surface": surface, "kappa": kappa, "n_steps": n_steps}
    for name in OPTIMIZERS:
        values[f"{name}_lr"] = on_lr_grid(lrs.get(name, SURFACES[surface].lrs[name]))
        values.update({f"{name}_{hyper}": DEFAULT_HYPER[hyper] for hyper in HYPER_PARAMETERS[name][1:]})
    values["start"] = f"{float(start[0]):.12g},{float(start[1]):.12g}"
    return setup_text(**values)


class OptimizerRaceExplorer(Explorer):
    """The widget view: surface, κ, start and steps controls, one row of sliders per optimizer,
    the contour plot with the four paths (and the student's, dashed), and a readout table."""

    name = "optimizer_race"
    EXTRA_KEYS = ("start",)
    description = ("Contour lines of a loss surface over two parameters x and y, its minima as stars, and the "
                   "paths of SGD, momentum, RMSprop and Adam from one start point; the table beside it gives "
                   "each optimizer's final loss and distance to the minimum, or the step at which it diverged.")
    SETUPS = {
        # 2/κ = 0.2 is SGD's largest stable rate: at 0.25 each step multiplies y by 1 − 0.25·10 = −1.5.
        "SGD diverges at κ = 10": race_setup("bowl", (-4.0, 2.0), kappa=10.0, sgd=0.25),
        # 0.035 < 2/κ = 0.04: SGD zig-zags across the valley and crawls along it.
        "SGD zig-zags at κ = 50": race_setup("bowl", (-4.0, 2.0), kappa=10.0 ** 1.7, sgd=0.035),
        "Rosenbrock's curved valley": race_setup("rosenbrock", (-1.2, 1.0), n_steps=300),
        "the saddle, started just off the ridge": race_setup("saddle", (-2.5, 0.001)),
    }

    def __init__(self, steps: dict[str, Callable] | None = None, surface: str = "bowl", kappa: float = DEFAULT_KAPPA,
                 n_steps: int = 100, use_student: bool = False):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = OptimizerRaceModel(surface, kappa, None, n_steps, steps, use_student and steps is not None)
        model = self.model
        style = {"description_width": "70px"}
        wide = widgets.Layout(width="380px")
        self.surface_choice = widgets.ToggleButtons(
            options=[("bowl", "bowl"), ("Rosenbrock", "rosenbrock"), ("saddle", "saddle")], value=surface,
            description="surface", style={"description_width": "70px", "button_width": "105px"})
        self.kappa_slider = widgets.FloatLogSlider(value=kappa, base=10, min=0.0, max=2.0, step=0.05,
                                                   description="κ (bowl)", readout_format=".3g", style=style,
                                                   layout=wide, disabled=surface != "bowl")
        self.start_menu = widgets.Dropdown(options=list(model.surface.starts), description="start", style=style,
                                           layout=widgets.Layout(width="300px"))
        self.steps_slider = widgets.IntSlider(value=n_steps, min=STEPS_RANGE[0], max=STEPS_RANGE[1], step=10,
                                              description="steps", style=style, layout=wide)
        self.lr_sliders, self.hyper_sliders, rows = {}, {}, []
        for name in OPTIMIZERS:
            self.lr_sliders[name] = widgets.FloatLogSlider(
                value=model.hypers[name]["lr"], base=10, min=LR_RANGE[0], max=LR_RANGE[1], step=LR_STEP,
                description="lr", readout_format=".2g", style={"description_width": "25px"},
                layout=widgets.Layout(width="300px"))
            sliders = [self.lr_sliders[name]]
            for hyper in HYPER_PARAMETERS[name][1:]:
                label, low, high, step = HYPER_SLIDERS[hyper]
                slider = widgets.FloatSlider(value=model.hypers[name][hyper], min=low, max=high, step=step,
                                             description=label, readout_format=f".{max(2, -int(np.log10(step)))}f",
                                             style={"description_width": "25px"},
                                             layout=widgets.Layout(width="300px"))
                self.hyper_sliders[(name, hyper)] = slider
                sliders.append(slider)
            title = widgets.HTML(f"<b style='color:{text_color(COLOURS[name])}'>{LABELS[name]}</b>",
                                 layout=widgets.Layout(width="75px"))
            rows.append(widgets.HBox([title, widgets.VBox(sliders)]))
        self.student_box = widgets.Checkbox(value=model.use_student, description="use my optimizer steps (dashed)",
                                            indent=False, layout=widgets.Layout(width="300px"))
        controls = [self.surface_choice, self.kappa_slider, self.start_menu, self.steps_slider,
                    *self.lr_sliders.values(), *self.hyper_sliders.values(), self.student_box]
        for control in controls:
            control.observe(self._on_change, names="value")
        self.readout = live_readout()
        self.fig = interactive_figure(6.0, 4.9)
        self._build_artists()
        self.fig.canvas.mpl_connect("button_press_event", self._on_click)
        # Drawn in this order over the cached axes: the markers stay on top of the paths.
        self.blitter = Blitter(self.fig, [self.contours, *self.path_lines.values(), *self.student_lines.values(),
                                          self.start_point, self.minima_points, self.saddle_points, self.ax.title])
        self._drawn_surface = None
        self._contours_for = None
        self.update()
        top = [self.surface_choice, self.kappa_slider, widgets.HBox([self.start_menu]), self.steps_slider, *rows]
        # The surface first: changing it resets the start and the learning rates the rest then set.
        state = {"surface": self.surface_choice, "kappa": self.kappa_slider, "n_steps": self.steps_slider}
        for name in OPTIMIZERS:
            state[f"{name}_lr"] = self.lr_sliders[name]
            state.update({f"{name}_{hyper}": self.hyper_sliders[(name, hyper)]
                          for hyper in HYPER_PARAMETERS[name][1:]})
        if steps is not None:
            top.append(self.student_box)
            state["use_student"] = self.student_box
        # The start is in the setup as a point (a click leaves the menu empty): the menu is an action.
        self._finish([*top, self.readout], state, actions={"start": self.start_menu}, panel_width="400px")

    # -- drawing ---------------------------------------------------------------------------
    def _build_artists(self) -> None:
        from matplotlib.collections import LineCollection
        from matplotlib.lines import Line2D

        self.fig.subplots_adjust(left=0.1, right=0.97, bottom=0.15, top=0.93)
        ax = self.ax = self.fig.add_subplot()
        self.contours = LineCollection([], cmap="Greys", linewidths=0.8, zorder=1)
        ax.add_collection(self.contours)
        self.path_lines, self.student_lines = {}, {}
        for name in OPTIMIZERS:
            (self.path_lines[name],) = ax.plot([], [], "-", marker=MARKERS[name], color=COLOURS[name], lw=1.4, ms=3,
                                               alpha=0.9,
                                               zorder=3)
            (self.student_lines[name],) = ax.plot([], [], "--", color="black", lw=1.0, zorder=4)
        (self.start_point,) = ax.plot([], [], "o", color="white", mec="black", mew=1.5, ms=9, zorder=5)
        (self.minima_points,) = ax.plot([], [], "*", color="gold", mec="black", ms=15, zorder=6)
        (self.saddle_points,) = ax.plot([], [], "X", color="black", mec="white", ms=10, zorder=6)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.title.set_fontsize(10)
        handles = [Line2D([], [], color=COLOURS[n], marker=MARKERS[n], lw=2, label=LABELS[n]) for n in OPTIMIZERS]
        handles += [Line2D([], [], ls="", marker="o", color="white", mec="black", label="start"),
                    Line2D([], [], ls="", marker="*", color="gold", mec="black", ms=11, label="minimum")]
        if self.model.steps is not None:
            handles.append(Line2D([], [], ls="--", color="black", lw=1, label="yours"))
        self.fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=7.5, frameon=False,
                        handlelength=1.5, columnspacing=1.0)

    def _draw_surface(self) -> bool:
        """Axes, minima and contours: on a surface change (a full redraw); the bowl's ellipses
        also follow κ (blitted)."""
        model, surface = self.model, self.model.surface
        full = surface.name != self._drawn_surface
        if full:
            self.ax.set_xlim(*surface.x_range)
            self.ax.set_ylim(*surface.y_range)
            self.ax.set_aspect("equal")
            minima, saddles = np.array(surface.minima), np.array(surface.saddles).reshape(-1, 2)
            self.minima_points.set_data(minima[:, 0], minima[:, 1])
            self.saddle_points.set_data(saddles[:, 0], saddles[:, 1])
            self._drawn_surface = surface.name
        key = (model.surface_name, model.kappa if model.surface_name == "bowl" else None)
        if key != self._contours_for:
            segments, values = model.contour_lines()
            self.contours.set_segments(segments)
            self.contours.set_array(values)
            low, high = float(values.min()), float(values.max())
            self.contours.set_clim(low - 0.35 * (high - low), high + 0.15 * (high - low))  # mid greys
            self._contours_for = key
        return full

    def update(self) -> None:
        """Redraw from the model's state: paths with set_data, then a blit (a full draw only
        when the surface changes)."""
        model, surface = self.model, self.model.surface
        full = self._draw_surface()
        runs = model.runs()
        for name, run in runs.items():
            self.path_lines[name].set_data(*drawable(run, surface).T)
        self.start_point.set_data([model.start[0]], [model.start[1]])
        student = model.student()
        for name, line in self.student_lines.items():
            theirs = student.get(name, (None, ""))[0] if student else None
            line.set_data(*(drawable(theirs, surface).T if theirs is not None else ([], [])))
        title = surface.label + (f", κ = {model.kappa:.3g}" if surface.name == "bowl" else "")
        self.ax.set_title(title + f"; {model.n_steps} steps", fontsize=10)
        self.readout.value = self._readout(runs, student)
        self.blitter.redraw(full=full)

    def _readout(self, runs: dict[str, Run], student) -> str:
        model = self.model
        head = "<tr><th></th><th>final f</th><th>distance to min</th>"
        head += "<th>yours vs torch.optim</th></tr>" if student is not None else "</tr>"
        rows = []
        for name, run in runs.items():
            value, distance = model.summary(run)
            cells = (f"<td colspan=2 style='color:#b00'>{value}</td>" if run.diverged_at is not None
                     else f"<td>{value}</td><td>{distance}</td>")
            if student is not None:
                theirs, why = student.get(name, (None, f"{STUDENT_STEPS[name]}() is not given."))
                if theirs is None:
                    cells += f"<td><small>{why}</small></td>"
                else:
                    ok, gap = compare(theirs, run)
                    mark = "✓" if ok else "✗"
                    hint = ""
                    if not ok and np.allclose(theirs.path[~np.isnan(theirs.path).any(axis=1)], model.start):
                        hint = " (params['w'] never moved: update it in place)"
                    cells += f"<td>{mark} max |Δ| = {gap:.1e}{hint}</td>"
            rows.append(f"<tr><td><b style='color:{text_color(COLOURS[name])}'>{LABELS[name]}</b></td>{cells}</tr>")
        notes = [f"start ({model.start[0]:.3g}, {model.start[1]:.3g}), f = {model.value(model.start):.3g}; "
                 "click the plot to start elsewhere."]
        if model.surface.name == "bowl":
            notes.append(f"plain SGD is stable only for lr &lt; 2/κ = {2 / model.kappa:.3g}.")
        elif model.surface.name == "saddle":
            notes.append("✖ the saddle point (0, 0); ★ the minima (0, ±√2), f = −1.")
        return (f"<table style='font-size:90%'>{head}{''.join(rows)}</table>"
                f"<small>{'<br>'.join(notes)}<br>Paths from torch.optim (float64), gradients from autograd."
                "</small>")

    # -- controls ----------------------------------------------------------------------------
    def _on_change(self, change) -> None:
        if self.quiet:
            return
        model = self.model
        if change["owner"] is self.surface_choice:
            with self.quietly():
                model.set(surface=self.surface_choice.value)
                model.use_surface_defaults()
                self.start_menu.options = list(model.surface.starts)
                self.start_menu.index = 0
                for name in OPTIMIZERS:
                    self.lr_sliders[name].value = model.hypers[name]["lr"]
                self.kappa_slider.disabled = model.surface_name != "bowl"
        elif change["owner"] is self.start_menu:
            if self.start_menu.value is None:
                return
            model.set(start=model.surface.starts[self.start_menu.value])
            self.update()
            self.refresh_setup_box()  # the start is in the setup, but in no control
            return
        else:
            settings = {"kappa": self.kappa_slider.value, "n_steps": self.steps_slider.value,
                        "use_student": self.student_box.value}
            settings.update({f"{n}_lr": s.value for n, s in self.lr_sliders.items()})
            settings.update({f"{n}_{h}": s.value for (n, h), s in self.hyper_sliders.items()})
            model.set(**settings)
        self.update()

    def _on_click(self, event) -> None:
        """A click on the plot moves the start there."""
        if event.inaxes is not self.ax or event.xdata is None:
            return
        with self.quietly():
            self.start_menu.index = None
        self.model.set(start=(event.xdata, event.ydata))
        self.update()
        self.refresh_setup_box()

    # -- setups --------------------------------------------------------------------------------
    def _extra_setup(self) -> dict[str, str]:
        x, y = self.model.start
        return {"start": f"{x:.12g},{y:.12g}"}  # 12 digits, as Explorer writes numbers

    def _restore_extra(self, values: dict[str, str]) -> None:
        """The start point `x,y`: the menu's entry for it, or (a clicked point) none."""
        text = values.pop("start", None)
        super()._restore_extra(values)
        if text is None:
            return
        try:
            x, y = (float(part) for part in text.split(","))
        except ValueError:
            raise ValueError(f"The setup's start={text} is not a point x,y like -4.0,2.0.") from None
        if not (np.isfinite(x) and np.isfinite(y)):
            raise ValueError(f"The setup's start={text} is not a finite point.")
        label = next((label for label, point in self.model.surface.starts.items() if point == (x, y)), None)
        with self.quietly():
            self.start_menu.value = label
        self.model.set(start=(x, y))
        self.update()


def show_optimizer_race(namespace: dict | None = None, *, steps: dict[str, Callable] | None = None,
                        setup: str | None = None, controls=None, presenter: bool = False,
                        **settings) -> OptimizerRaceExplorer | None:
    """Build and display the race; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()`: a checkbox then runs the notebook's `sgd_step`,
    `momentum_step`, `rmsprop_step` and `adam_step` (as they are when a control moves) beside
    torch.optim. Or pass `steps` (optimizer name -> step function).
    settings: surface ('bowl', 'rosenbrock', 'saddle'), kappa, n_steps, use_student. setup,
    controls, presenter: see `dlcourse.viz.explorer` (e.g. setup="SGD diverges at κ = 10").
    """
    from dlcourse.viz.binding import late_bound

    if steps is None and namespace is not None:
        steps = {name: late_bound(namespace, function) for name, function in STUDENT_STEPS.items()}
    return launch(lambda: OptimizerRaceExplorer(steps, **settings), setup=setup, controls=controls,
                  presenter=presenter)
