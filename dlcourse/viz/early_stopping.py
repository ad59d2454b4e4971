"""Early-stopping explorer (week 3): learning curves of a model that overfits, and where to stop.

The data are the lecture's line, y = 4 + 3x + N(0, 1), but only 15 training points, with 50
fresh points from the same source as the validation set. The model is a polynomial of
`degree` (Legendre polynomials of x − 1, which keep the features on a similar scale), trained
by mini-batch SGD (batches of 5). With degree 9 and 15 points it can bend to fit the noise:
the training RMSE keeps falling while the validation RMSE falls, bottoms out, and climbs —
overfitting (과대적합). Degree 1 is the true model's shape and does not overfit.

`EarlyStoppingModel` is the pure-numpy state: the learning curves and weights per epoch
(computed once per degree with torch), and the result of running the student's
`EarlyStopping(patience)` over the validation losses. The weights are handed to `.step` in one
array that training overwrites in place, as a real training loop does: an `EarlyStopping` that
stores a reference instead of a copy ends up "remembering" the last weights, and the fit drawn
as "best" shows it. `EarlyStoppingExplorer` is the thin view: a patience slider and a degree
choice.

The library holds no solution to week 3: the stopping decision, the best epoch and the best
weights all come from the student's class; without it the explorer shows the curves only.

Named setups (degree 9 unless named): "patience 1 stops too early" (epoch 10, before the lowest
validation error at 15), "patience 5 keeps the best epoch" and "degree 1 does not overfit".
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from dlcourse.linear_data import TRUE_THETA, make_linear_data
from dlcourse.viz.binding import note_html
from dlcourse.viz.explorer import Explorer, launch, live_readout
from dlcourse.viz.palette import BLUE, GREEN, ORANGE, RED

M_TRAIN, M_VAL = 15, 50
TRAIN_SEED, VAL_SEED = 5, 6
N_EPOCHS = 150
BATCH_SIZE = 5
DEGREES = (1, 3, 9)


def features(X: np.ndarray, degree: int) -> np.ndarray:
    """Legendre polynomials P0..P_degree of t = x − 1 (x in [0, 2] -> t in [-1, 1]): shape (m, degree + 1)."""
    return np.polynomial.legendre.legvander(np.asarray(X, dtype=float).reshape(-1) - 1.0, degree)


def train_curves(degree: int, n_epochs: int = N_EPOCHS, seed: int = 0) -> dict[str, np.ndarray]:
    """Train the polynomial with torch (mini-batch SGD on the MSE) and record every epoch.

    Returns a dict of arrays, one row per epoch e = 0..n_epochs-1 (after that epoch's updates):
    'weights' (n_epochs, degree + 1), 'train_mse', 'val_mse' (n_epochs,).
    """
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    X_tr, y_tr = make_linear_data(M_TRAIN, TRAIN_SEED)
    X_val, y_val = make_linear_data(M_VAL, VAL_SEED)
    A_tr, A_val = features(X_tr, degree), features(X_val, degree)
    curvature = np.linalg.eigvalsh(2.0 / M_TRAIN * A_tr.T @ A_tr).max()
    A_t, y_t = torch.from_numpy(A_tr), torch.from_numpy(y_tr)
    B_t, v_t = torch.from_numpy(A_val), torch.from_numpy(y_val)
    loader = DataLoader(TensorDataset(A_t, y_t), batch_size=BATCH_SIZE, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    w = torch.zeros(degree + 1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.3 / curvature)
    weights, train_mse, val_mse = [], [], []
    for _ in range(n_epochs):
        for A_batch, y_batch in loader:
            optimizer.zero_grad()
            torch.mean((A_batch @ w - y_batch) ** 2).backward()
            optimizer.step()
        with torch.no_grad():
            weights.append(w.detach().numpy().copy())
            train_mse.append(float(torch.mean((A_t @ w - y_t) ** 2)))
            val_mse.append(float(torch.mean((B_t @ w - v_t) ** 2)))
    return {"weights": np.array(weights), "train_mse": np.array(train_mse), "val_mse": np.array(val_mse)}


class EarlyStoppingModel:
    """State of the explorer.

    Args:
        early_stopping: the student's class (or any callable) `EarlyStopping(patience)` whose
            instances have `.step(val_loss, params) -> bool`, `.best_epoch`, `.best_loss`,
            `.best_params`; or None (curves only).
        patience, degree: the starting settings.
    """

    def __init__(self, early_stopping: Callable | None = None, patience: int = 5, degree: int = 9):
        self.early_stopping = early_stopping
        self.patience, self.degree = int(patience), int(degree)
        self.X_train, self.y_train = make_linear_data(M_TRAIN, TRAIN_SEED)
        self.X_val, self.y_val = make_linear_data(M_VAL, VAL_SEED)
        self._curves: dict[int, dict[str, np.ndarray]] = {}
        self.message = ""
        self.stop_epoch: int | None = None
        self.best_epoch: int | None = None
        self.best_params: np.ndarray | None = None
        self.copied = True
        self.run()

    def curves(self, degree: int | None = None) -> dict[str, np.ndarray]:
        """Learning curves and weights for `degree` (trained once, then cached)."""
        degree = self.degree if degree is None else int(degree)
        if degree not in self._curves:
            self._curves[degree] = train_curves(degree)
        return self._curves[degree]

    def train_rmse(self) -> np.ndarray:
        return np.sqrt(self.curves()["train_mse"])

    def val_rmse(self) -> np.ndarray:
        return np.sqrt(self.curves()["val_mse"])

    def run(self) -> None:
        """Feed the validation losses to a fresh `EarlyStopping(patience)`, epoch by epoch, until it says stop."""
        self.stop_epoch = self.best_epoch = self.best_params = None
        self.copied = True
        self.message = ""
        curves = self.curves()
        if self.early_stopping is None:
            self.message = "Pass your EarlyStopping class to see where it stops."
            return
        params = np.zeros(self.degree + 1)  # one buffer that "training" overwrites in place
        try:
            stopper = self.early_stopping(self.patience)
            for epoch, (weights, loss) in enumerate(zip(curves["weights"], curves["val_mse"])):
                params[:] = weights
                if stopper.step(float(loss), params):
                    self.stop_epoch = epoch
                    break
            best_epoch, best_params = stopper.best_epoch, stopper.best_params
        except NotImplementedError:
            self.message = "EarlyStopping is not written yet: learning curves only."
            return
        except Exception as error:  # a student's bug must not break the lecture's picture
            self.message = f"EarlyStopping raised {type(error).__name__}: {error}"
            return
        try:
            self.best_epoch = int(best_epoch)
            self.best_params = np.array(best_params, dtype=float).reshape(self.degree + 1)
        except (TypeError, ValueError):
            self.message = (f"best_epoch = {best_epoch!r} and best_params should be an int and an array "
                            f"of {self.degree + 1} weights.")
            self.best_epoch = self.best_params = None
            return
        if not 0 <= self.best_epoch < N_EPOCHS:
            self.message = f"best_epoch = {self.best_epoch} is not an epoch index 0..{N_EPOCHS - 1}."
            self.best_epoch = self.best_params = None
            return
        self.copied = bool(np.array_equal(self.best_params, curves["weights"][self.best_epoch]))
        if not self.copied:
            self.message = (f"best_params are not the weights of epoch {self.best_epoch}: did .step store a "
                            "reference to params instead of a copy? Training changed them afterwards.")

    def predict(self, weights: np.ndarray, x: np.ndarray) -> np.ndarray:
        """The polynomial with `weights` at the points x (1-D)."""
        return features(x, self.degree) @ weights


class EarlyStoppingExplorer(Explorer):
    """The widget view. Example (in a notebook): EarlyStoppingExplorer(EarlyStopping).show()"""

    name = "early_stopping"
    description = ("Left: learning curves, the training and the validation error after each epoch, with a star "
                   "at the best epoch and a dashed line where early stopping stops. Right: the training and "
                   "validation points, the true line, the polynomial with the best weights and the one trained "
                   "to the end.")
    SETUPS = {
        "patience 1 stops too early": "degree=9&patience=1",
        "patience 5 keeps the best epoch": "degree=9&patience=5",
        "degree 1 does not overfit": "degree=1&patience=5",
    }

    def __init__(self, early_stopping: Callable | None = None, patience: int = 5, degree: int = 9):
        import ipywidgets as widgets

        from dlcourse.viz.figure import Blitter, interactive_figure

        self.model = EarlyStoppingModel(early_stopping, patience, degree)
        style = {"description_width": "70px"}
        self.patience_slider = widgets.IntSlider(value=self.model.patience, min=1, max=40, description="patience",
                                                 style=style, layout=widgets.Layout(width="340px"),
                                                 continuous_update=True)
        self.degree_buttons = widgets.ToggleButtons(options=[(f"degree {d}", d) for d in DEGREES],
                                                    value=self.model.degree, description="model", style=style)
        self.degree_buttons.style.button_width = "80px"
        self.patience_slider.observe(self._on_change, names="value")
        self.degree_buttons.observe(self._on_change, names="value")
        self.readout = live_readout()
        self.fig = interactive_figure(7.6, 3.4)
        self.x_grid = np.linspace(0.0, 2.0, 80)
        self._build_artists()
        self.blitter = Blitter(self.fig, [self.after_stop, self.stop_line, self.best_marker, self.best_fit,
                                          self.status])
        self._shown_degree = None
        self.update()
        self._finish([self.patience_slider, self.degree_buttons, self.readout],
                     {"degree": self.degree_buttons, "patience": self.patience_slider}, panel_width="350px")

    # -- drawing ---------------------------------------------------------------------------
    def _build_artists(self) -> None:
        model = self.model
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.15, top=0.9, wspace=0.28)
        self.ax_curve, self.ax_fit = self.fig.subplots(1, 2, width_ratios=(1.2, 1))
        epochs = np.arange(N_EPOCHS)
        (self.train_line,) = self.ax_curve.plot(epochs, np.full(N_EPOCHS, np.nan), color=BLUE, lw=1.5,
                                                label="train RMSE")
        (self.val_line,) = self.ax_curve.plot(epochs, np.full(N_EPOCHS, np.nan), color=ORANGE, lw=1.5,
                                              label="validation RMSE")
        (self.best_marker,) = self.ax_curve.plot([], [], "*", color=GREEN, ms=14, zorder=5,
                                                 label="best epoch")
        self.stop_line = self.ax_curve.axvline(np.nan, color=RED, ls="--", lw=1.2, label="stop")
        self.after_stop = self.ax_curve.axvspan(0, 0, color="0.5", alpha=0.15, lw=0)
        self.ax_curve.set_xlim(0, N_EPOCHS - 1)
        self.ax_curve.set_ylim(0, 3.0)
        self.ax_curve.set_xlabel("epoch")
        self.ax_curve.set_ylabel("RMSE")
        self.status = self.ax_curve.text(0.03, 0.04, "", transform=self.ax_curve.transAxes, fontsize=8,
                                         bbox={"boxstyle": "round", "fc": "white", "ec": "0.7", "alpha": 0.9})
        self.ax_curve.legend(loc="upper right", fontsize=7)
        self.ax_fit.plot(model.X_val[:, 0], model.y_val, "o", mfc="none", color=ORANGE, ms=4,
                         label="validation")
        self.ax_fit.plot(model.X_train[:, 0], model.y_train, "o", color=BLUE, ms=5, label="train")
        self.ax_fit.plot([0, 2], [TRUE_THETA[0], TRUE_THETA[0] + 2 * TRUE_THETA[1]], "--", color="0.4", lw=1,
                         label="true 4 + 3x")
        (self.best_fit,) = self.ax_fit.plot(self.x_grid, np.full(self.x_grid.size, np.nan), color=GREEN,
                                            lw=2, label="best_params")
        (self.stop_fit,) = self.ax_fit.plot(self.x_grid, np.full(self.x_grid.size, np.nan), color=RED,
                                            lw=1, alpha=0.8, label=f"after all {N_EPOCHS} epochs")
        self.ax_fit.set_xlim(0, 2)
        self.ax_fit.set_title("best_params vs training to the end", fontsize=10)
        self.ax_fit.set_ylim(1, 14)
        self.ax_fit.set_xlabel("x")
        self.ax_fit.set_ylabel("y")
        self.ax_fit.legend(loc="upper left", fontsize=7)

    def update(self) -> None:
        """Redraw from the model's state (artists updated in place)."""
        model = self.model
        train, val = model.train_rmse(), model.val_rmse()
        full = model.degree != self._shown_degree  # the curves change only with the degree
        if full:
            self.train_line.set_ydata(train)
            self.val_line.set_ydata(val)
            self.stop_fit.set_ydata(model.predict(model.curves()["weights"][-1], self.x_grid))
            self.ax_curve.set_title(f"learning curves, degree {model.degree}", fontsize=10)
            self._shown_degree = model.degree
        if model.stop_epoch is None:
            self.stop_line.set_xdata([np.nan, np.nan])
            self.after_stop.set_x(N_EPOCHS)
            self.after_stop.set_width(0)
        else:
            self.stop_line.set_xdata([model.stop_epoch, model.stop_epoch])
            self.after_stop.set_x(model.stop_epoch)
            self.after_stop.set_width(N_EPOCHS - model.stop_epoch)
        if model.best_epoch is None:
            self.best_marker.set_data([], [])
            self.best_fit.set_ydata(np.full(self.x_grid.size, np.nan))
        else:
            self.best_marker.set_data([model.best_epoch], [val[model.best_epoch]])
            self.best_fit.set_ydata(model.predict(model.best_params, self.x_grid))
        stop_text = "never (all epochs)" if model.stop_epoch is None else str(model.stop_epoch)
        if model.best_epoch is None:  # no working EarlyStopping: nothing to say about stopping
            self.status.set_text(f"patience {model.patience}: (EarlyStopping needed)")
        else:
            self.status.set_text(f"patience {model.patience}: stop at epoch {stop_text}")
        lines = [f"lowest validation RMSE of the run: {val.min():.3f} (epoch {int(val.argmin())})"]
        if model.best_epoch is not None:
            lines.insert(0, f"<b>best_epoch</b> = {model.best_epoch}, validation RMSE {val[model.best_epoch]:.3f}; "
                            f"<b>stopped</b> at epoch {stop_text}")
        if model.message:
            lines.append(note_html(model.message, line_break=False))
        self.readout.value = "<br>".join(lines)
        # The curves are fixed per degree: the picture of each degree is kept, and shown again.
        self.blitter.redraw(full=full, key=model.degree)

    # -- controls ----------------------------------------------------------------------------
    def _on_change(self, change=None) -> None:
        self.model.patience = int(self.patience_slider.value)
        self.model.degree = int(self.degree_buttons.value)
        self.model.run()
        self.update()


def show_early_stopping(namespace: dict | None = None, *, early_stopping: Callable | None = None,
                        setup: str | None = None, controls=None, presenter: bool = False,
                        **settings) -> EarlyStoppingExplorer | None:
    """Build and display the explorer; returns it, or None under nbgrader (no widgets there).

    Pass a notebook's `globals()` as `namespace`: the explorer then uses the notebook's
    `EarlyStopping` class as it is *when a control moves*, so it can be shown before the
    exercise is done. Or pass the class as `early_stopping`. settings: patience, degree.
    setup, controls, presenter: see `dlcourse.viz.explorer`.
    """
    from dlcourse.viz.binding import late_bound

    if namespace is not None and early_stopping is None:
        early_stopping = late_bound(namespace, "EarlyStopping")
    return launch(lambda: EarlyStoppingExplorer(early_stopping=early_stopping, **settings), setup=setup,
                  controls=controls, presenter=presenter)


# The name in notebooks released before December 2026 (students' copies keep working).
show_early_stopping_explorer = show_early_stopping
