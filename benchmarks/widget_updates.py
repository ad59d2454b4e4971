"""Kernel-side cost of one control change in each visualiser, from the event to the PNG sent.

What the kernel does when a student drags a slider: the observer runs (model update, artists
changed in place), then the view redraws: a blit of the moving artists (or a full Agg draw when
axes change), after which ipympl encodes the changed pixels as PNG and sends them, all inside
the same call. This script times that call with the real ipympl canvas (no browser attached),
200 changes per control, and prints the median and the 95th percentile.
Goal: p95 <= 50 ms per change.

    python benchmarks/widget_updates.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

# Correct student answers for the visualisers that run a student's function (the library has none).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def percentile(values, q) -> float:
    return float(np.percentile(np.array(values), q))


def time_changes(name: str, fig, change, n: int = 200) -> None:
    """Time `change(i)` for i < n: the whole kernel-side work of one control change.

    No browser is attached, so this plays its part: a full draw the view asks for with
    `draw_idle` (the browser would ask back at once) is done and counted in the same change.
    """
    canvas = fig.canvas
    # A connected browser view says "initialized", after which ipympl stops re-encoding every
    # frame as a full PNG for the notebook file (it sends only the changed pixels).
    canvas.syncing_data_url = False
    asked = []
    canvas.draw_idle = lambda *args, **kwargs: asked.append(True)
    canvas.draw()  # the browser's first request when the view appears
    times = []
    for i in range(n):
        start = time.perf_counter()
        change(i)
        if asked:
            asked.clear()
            canvas.draw()
        times.append(1000 * (time.perf_counter() - start))
    print(f"{name:<38} median {statistics.median(times):6.1f} ms   p95 {percentile(times, 95):6.1f} ms   (n={n})")


def house_price() -> None:
    from dlcourse.viz.house_price import HousePriceExplorer

    explorer = HousePriceExplorer(
        predict=lambda X, w, b: X @ w + b,
        losses={"MAE": lambda y, p: float(np.mean(np.abs(y - p))),
                "MSE": lambda y, p: float(np.mean((y - p) ** 2))},
    )
    values = np.linspace(2.0, 4.0, 37)
    slider = explorer.sliders["w3"]
    time_changes("house price: w3 slider", explorer.fig,
                 lambda i: setattr(slider, "value", float(values[i % 37])))
    time_changes("house price: gradient descent button", explorer.fig, lambda i: explorer._on_descend(), n=20)


def learning_rate() -> None:
    from dlcourse.viz.learning_rate import LearningRateExplorer
    from test_learning_rate_viz import lecture_gradient_descent

    explorer = LearningRateExplorer(gradient_descent=lecture_gradient_descent)
    rates = np.geomspace(0.01, 1.5, 41)
    time_changes("learning rate: lr slider", explorer.fig,
                 lambda i: setattr(explorer.lr_slider, "value", float(rates[i % 41])))
    starts = np.linspace(-1.9, 1.9, 39)
    time_changes("learning rate: start slider", explorer.fig,
                 lambda i: setattr(explorer.x0_slider, "value", float(starts[i % 39])))


def loss_contours() -> None:
    from dlcourse.viz.loss_contours import LossContourExplorer

    explorer = LossContourExplorer()
    fractions = np.arange(0.05, 1.1, 0.05)
    time_changes("loss contours: lr slider", explorer.fig,
                 lambda i: setattr(explorer.lr_slider, "value", float(fractions[i % len(fractions)])))
    time_changes("loss contours: scaled toggle", explorer.fig,
                 lambda i: setattr(explorer.scaled_toggle, "value", bool(i % 2)), n=20)


def batch_paths() -> None:
    from dlcourse.viz.batch_paths import BatchPathExplorer
    from test_batch_paths_viz import lecture_sgd

    explorer = BatchPathExplorer(sgd=lecture_sgd)
    samples = np.random.default_rng(0).integers(0, explorer.model.max_samples + 1, size=400)
    time_changes("batch paths: samples slider", explorer.fig,
                 lambda i: setattr(explorer.samples_slider, "value", int(samples[i])))
    sizes = list(explorer.batch_menu.options)
    time_changes("batch paths: mini-batch menu", explorer.fig,
                 lambda i: setattr(explorer.batch_menu, "value", sizes[i % len(sizes)]), n=40)


def early_stopping() -> None:
    from dlcourse.viz.early_stopping import EarlyStoppingExplorer
    from test_early_stopping_viz import LectureEarlyStopping

    explorer = EarlyStoppingExplorer(LectureEarlyStopping)
    time_changes("early stopping: patience slider", explorer.fig,
                 lambda i: setattr(explorer.patience_slider, "value", 1 + (7 * i + 3) % 40))
    degrees = [value for _, value in explorer.degree_buttons.options]
    time_changes("early stopping: degree buttons", explorer.fig,
                 lambda i: setattr(explorer.degree_buttons, "value", degrees[i % len(degrees)]), n=40)


def bias_variance() -> None:
    from dlcourse.viz.bias_variance import BiasVarianceExplorer
    from test_bias_variance_viz import lecture_decomposition, lecture_simulate_fits

    explorer = BiasVarianceExplorer(simulate_fits=lecture_simulate_fits, decomposition=lecture_decomposition)
    degrees = list(range(explorer.degree_slider.min, explorer.degree_slider.max + 1))
    time_changes("bias-variance: degree slider", explorer.fig,
                 lambda i: setattr(explorer.degree_slider, "value", degrees[(3 * i + 1) % len(degrees)]))
    l2_values = [value for _, value in explorer.l2_slider.options]
    time_changes("bias-variance: L2 slider", explorer.fig,
                 lambda i: setattr(explorer.l2_slider, "value", l2_values[(2 * i + 1) % len(l2_values)]))


def dartboard() -> None:
    from dlcourse.viz.dartboard import DartboardExplorer
    from test_dartboard_viz import lecture_dartboard_stats

    explorer = DartboardExplorer(stats=lecture_dartboard_stats)
    values = np.linspace(explorer.bias_slider.min, explorer.bias_slider.max, 23)
    time_changes("dartboard: bias slider", explorer.fig,
                 lambda i: setattr(explorer.bias_slider, "value", float(values[i % 23])))


def activations() -> None:
    from dlcourse.viz.activations import ActivationExplorer
    from test_activations_viz import STUDENT

    explorer = ActivationExplorer(functions=STUDENT)
    values = np.linspace(explorer.scale_slider.min, explorer.scale_slider.max, 29)
    time_changes("activations: weight-scale slider", explorer.fig,
                 lambda i: setattr(explorer.scale_slider, "value", float(values[i % 29])))


def xor_space() -> None:
    from dlcourse.viz.xor_space import XorSpaceExplorer

    explorer = XorSpaceExplorer()
    slider = explorer.sliders["w11"]
    values = np.linspace(slider.min, slider.max, 31)
    time_changes("XOR hidden space: w11 slider", explorer.fig,
                 lambda i: setattr(slider, "value", float(values[i % 31])))


def vanishing_gradients() -> None:
    from dlcourse.viz.vanishing_gradients import VanishingGradientExplorer

    explorer = VanishingGradientExplorer(depth=30)
    values = np.linspace(explorer.scale_slider.min, explorer.scale_slider.max, 27)
    time_changes("vanishing gradients: init scale", explorer.fig,
                 lambda i: setattr(explorer.scale_slider, "value", float(values[i % 27])))
    time_changes("vanishing gradients: depth slider", explorer.fig,
                 lambda i: setattr(explorer.depth_slider, "value", 2 + (7 * i) % 29))


def backprop_stepper() -> None:
    from dlcourse.viz.backprop_stepper import BackpropStepperExplorer
    from dlcourse.viz.backprop_stepper_model import LAST, SLIDERS
    from test_backprop_stepper_viz import STUDENT

    explorer = BackpropStepperExplorer(functions=STUDENT)
    inputs = np.linspace(-1.5, 1.5, 31)

    def press(i):
        """Forward through the stages, each pass with new inputs: every number is drawn afresh
        (its text not yet in the cache), as on a student's first pass."""
        if i % LAST == 0:
            explorer.model.set(stage=0, x1=float(inputs[(i // LAST) % 31]))
        explorer.step_button.click()

    time_changes("backprop stepper: step button", explorer.fig, press)
    # The slider at the last stage, where every one of the 45 numbers on screen changes with x1:
    # a drag across the whole range (81 values, each new) and back (each drawn before).
    explorer.model.set(stage=LAST)
    explorer.update()
    type(explorer.title).forget_all()  # no label drawn before: the first pass is all new text
    low, high, step = SLIDERS["x1"]
    sweep = np.round(np.arange(low, high + step / 2, step), 2)
    sweep = np.concatenate([sweep, sweep[-2::-1]])
    time_changes("backprop stepper: x1 (last stage)", explorer.fig,
                 lambda i: setattr(explorer.sliders["x1"], "value", float(sweep[i % len(sweep)])))


def optimizer_race() -> None:
    from dlcourse.viz.optimizer_race import OptimizerRaceExplorer
    from dlcourse.viz.optimizer_race_model import KAPPA_GRID

    explorer = OptimizerRaceExplorer()
    rates = 10 ** np.arange(-2.0, -0.95, 0.05)  # lr slider values through SGD's stable limit 2/κ = 0.063
    time_changes("optimizer race: SGD lr slider", explorer.fig,
                 lambda i: setattr(explorer.lr_sliders["sgd"], "value", float(rates[(5 * i + 1) % len(rates)])))
    time_changes("optimizer race: κ slider", explorer.fig,  # the slider's values, as the browser sends them
                 lambda i: setattr(explorer.kappa_slider, "value", float(KAPPA_GRID[(7 * i + 1) % 41])))
    time_changes("optimizer race: Adam β1 slider", explorer.fig,
                 lambda i: setattr(explorer.hyper_sliders[("adam", "beta1")], "value", 0.5 + 0.01 * ((7 * i) % 49)))


def playground() -> None:
    """The controls a lecture changes between runs (a play tick is timed by playground_speed.py)."""
    from dlcourse.viz.playground import PlaygroundExplorer
    from dlcourse.viz.playground_model import ACTIVATIONS, LEARNING_RATES, NOISE_RANGE

    explorer = PlaygroundExplorer()
    for _ in range(20):  # a trained network, as in class: its maps are not flat
        explorer.step()
    time_changes("playground: learning-rate menu", explorer.fig,
                 lambda i: setattr(explorer.lr_menu, "value", LEARNING_RATES[(3 * i + 1) % len(LEARNING_RATES)]))
    time_changes("playground: activation menu (new net)", explorer.fig,
                 lambda i: setattr(explorer.activation_menu, "value", ACTIVATIONS[(i + 1) % len(ACTIVATIONS)]))
    low, high, step = NOISE_RANGE
    noises = np.arange(low, high + 1, step)
    time_changes("playground: noise slider (new data)", explorer.fig,
                 lambda i: setattr(explorer.noise_slider, "value", int(noises[(3 * i + 1) % len(noises)])))
    time_changes("playground: show-test checkbox", explorer.fig,
                 lambda i: setattr(explorer.show_test_box, "value", i % 2 == 0))


def _fashion_sample(n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """The sample's test images and labels, or seeded noise where the sample is absent."""
    from dlcourse.fashion_mnist import FashionMNISTUnavailable, load_fashion_mnist_sample

    try:
        data = load_fashion_mnist_sample()
        return data.X_test[:n], data.y_test[:n]
    except FashionMNISTUnavailable:
        rng = np.random.default_rng(0)
        return rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8), rng.integers(0, 10, size=n)


def convolution() -> None:
    from dlcourse.viz.convolution import ConvolutionExplorer
    from dlcourse.viz.convolution_model import PRESETS
    from test_convolution_viz import torch_conv2d

    X, y = _fashion_sample()
    explorer = ConvolutionExplorer(X, y, conv2d_naive=torch_conv2d, padding=1)
    presets = list(PRESETS)
    time_changes("convolution: kernel preset", explorer.fig,
                 lambda i: setattr(explorer.preset_menu, "value", presets[(i + 1) % len(presets)]))
    last = explorer.position_slider.max
    time_changes("convolution: window position slider", explorer.fig,
                 lambda i: setattr(explorer.position_slider, "value", (37 * i + 1) % (last + 1)))


def feature_maps() -> None:
    import torch
    from torch import nn

    from dlcourse.fashion_mnist import to_tensors
    from dlcourse.viz.feature_maps import FeatureMapExplorer

    torch.manual_seed(0)
    cnn = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Flatten(), nn.Linear(32 * 7 * 7, 10))
    X, y = to_tensors(*_fashion_sample())
    explorer = FeatureMapExplorer(cnn, X, y, layer=4)  # the second ReLU: 32 maps of 14x14
    time_changes("feature maps: image slider (32 maps)", explorer.fig,
                 lambda i: setattr(explorer.image_slider, "value", (7 * i + 1) % len(y)))


def confusion() -> None:
    from dlcourse.viz.confusion import ConfusionExplorer
    from test_confusion_viz import click

    X, y = _fashion_sample()
    rng = np.random.default_rng(0)
    y_pred = np.where(rng.random(len(y)) < 0.8, y, rng.integers(0, 10, size=len(y)))
    probabilities = rng.dirichlet(np.ones(10), size=len(y))
    explorer = ConfusionExplorer(y, y_pred, X, probabilities=probabilities)
    time_changes("confusion: cell click", explorer.fig,
                 lambda i: click(explorer, (3 * i) % 10, (7 * i + 1) % 10))


if __name__ == "__main__":
    # `python benchmarks/widget_updates.py loss_contours house_price` runs only those.
    chosen = set(sys.argv[1:])
    for benchmark in (house_price, learning_rate, loss_contours, batch_paths, early_stopping,
                      bias_variance, dartboard, activations, xor_space, vanishing_gradients,
                      backprop_stepper, optimizer_race, playground, convolution, feature_maps, confusion):
        if not chosen or benchmark.__name__ in chosen:
            benchmark()
