"""The playground's model (week 6): data, a small network, its training, and what the view draws.

An in-notebook counterpart of the TensorFlow Playground (playground.tensorflow.org). Everything
the view needs comes from `PlaygroundModel`, which never touches a widget:

- data: one of the Playground's data sets (`dlcourse.playground_data`), split into train and test
  points, and the chosen input features of them (x1, x2, x1², x2², x1·x2, sin x1, sin x2);
- a network: 0-6 hidden layers of 1-8 neurons, one activation for all of them, trained by
  `step()` = one epoch over the training points in mini-batches, in a fixed order (the
  Playground's oneStep; a last partial batch is a batch of its own);
- what to draw: the output and every neuron's activation over the square [-6, 6]² (`maps()`),
  the weights (`parameters()`), and the train / test loss after every epoch (`history`).

Two engines train the network. The built-in one is PyTorch (float32; autograd; torch.optim),
initialised as the Playground does (weights uniform in [-0.5, 0.5], biases 0.1), from `seed`:
the library holds no numpy solution of week 6. The other is the student's own numpy MLP from
a06 (`init_mlp`, `mlp_forward`, `softmax_cross_entropy`, `mlp_backward`, `sgd_step`, ...),
called by name at each step; it has two outputs and softmax cross-entropy. Whenever the
student's code is unfinished or fails, the model says why in `message` and goes back to PyTorch.

Losses, as the Playground and beyond it:
- "squared": the Playground's: a tanh output o in [-1, 1], labels t = ±1, loss ½(o − t)² averaged;
- "cross-entropy": a sigmoid output p = P(class 1) (softmax over two outputs for the numpy MLP),
  loss −log p of the right class, averaged. The drawn value is then 2p − 1, in [-1, 1] as well.
Regularization adds rate · Σ|w| (L1) or rate · ½Σw² (L2) over all weights (not biases) to the
loss of each mini-batch, as the Playground's update does.

Why one file of about 600 lines: the two engines, the data, training and the training log
(replayed by setups) share the network's state and the config; a split would pass that state
between modules at every step, in the hot loop the playground's speed depends on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Callable

import numpy as np

from dlcourse.viz.threads import one_torch_thread
from dlcourse.playground_data import DATASETS, FEATURES, features, make_dataset, split_train_test

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REGULARIZATION_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
STUDENT_ACTIVATIONS = ("relu", "sigmoid")  # what a06's mlp_forward accepts
REGULARIZATIONS = ("none", "L1", "L2")
LOSSES = ("squared", "cross-entropy")
OPTIMIZERS = ("sgd", "momentum", "rmsprop", "adam")
ENGINES = ("torch", "numpy")
FEATURE_NAMES = tuple(FEATURES)  # x1, x2, x1², x2², x1·x2, sin x1, sin x2
MAX_LAYERS, MAX_NEURONS = 6, 8
NOISE_RANGE = (0, 50, 5)  # percent, as the Playground's sliders
TRAIN_RANGE = (10, 90, 10)
BATCH_RANGE = (1, 30, 1)
DOMAIN = 6.0  # the maps cover [-6, 6]^2, as the Playground's heat map
DENSITY = 100  # grid points per side of the output map (the Playground's DENSITY)
# The numpy MLP's functions, looked up by name (a06's contract).
STUDENT_FUNCTIONS = ("init_mlp", "mlp_forward", "softmax_cross_entropy", "mlp_backward",
                     "sgd_step", "momentum_step", "rmsprop_step", "adam_step")
OPTIMIZER_FUNCTIONS = {"sgd": "sgd_step", "momentum": "momentum_step", "rmsprop": "rmsprop_step",
                       "adam": "adam_step"}
# Hyper-parameters of both engines' optimizers (a06's defaults; torch.optim follows them).
MOMENTUM, RMSPROP_RHO, EPS = 0.9, 0.9, 1e-8


MAX_REPLAYED_EPOCHS = 5000  # a setup's training is replayed on restore: about 10 s at most


@dataclass(frozen=True)
class PlaygroundConfig:
    """Every setting of the playground (the Playground's defaults).

    noise and train_percent are percents, as on the Playground's sliders; hidden lists the
    neurons of each hidden layer; seed draws the data and the first weights.
    """

    dataset: str = "circle"
    noise: int = 0
    train_percent: int = 50
    batch_size: int = 10
    features: tuple[str, ...] = ("x1", "x2")
    hidden: tuple[int, ...] = (4, 2)
    learning_rate: float = 0.03
    activation: str = "tanh"
    regularization: str = "none"
    regularization_rate: float = 0.0
    loss: str = "squared"
    optimizer: str = "sgd"
    engine: str = "torch"
    seed: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "features", tuple(self.features))
        object.__setattr__(self, "hidden", tuple(int(n) for n in self.hidden))
        _check_config(self)


def _check_config(c: PlaygroundConfig) -> None:
    def choose(name, value, options):
        if value not in options:
            raise ValueError(f"{name} must be one of {', '.join(map(str, options))}; got {value!r}")

    choose("dataset", c.dataset, DATASETS)
    choose("activation", c.activation, ACTIVATIONS)
    choose("regularization", c.regularization, REGULARIZATIONS)
    choose("loss", c.loss, LOSSES)
    choose("optimizer", c.optimizer, OPTIMIZERS)
    choose("engine", c.engine, ENGINES)
    ranges = (("noise", c.noise, NOISE_RANGE), ("train_percent", c.train_percent, TRAIN_RANGE),
              ("batch_size", c.batch_size, BATCH_RANGE))
    for name, value, (low, high, _) in ranges:
        if not low <= value <= high:
            raise ValueError(f"{name} must lie in [{low}, {high}]; got {value}")
    if not c.features or any(f not in FEATURE_NAMES for f in c.features) or len(set(c.features)) != len(c.features):
        raise ValueError(f"features must be distinct names from {', '.join(FEATURE_NAMES)} (at least one); "
                         f"got {c.features}")
    if len(c.hidden) > MAX_LAYERS or any(not 1 <= n <= MAX_NEURONS for n in c.hidden):
        raise ValueError(f"hidden must list at most {MAX_LAYERS} layers of 1-{MAX_NEURONS} neurons; got {c.hidden}")
    if not c.learning_rate > 0 or c.regularization_rate < 0:
        raise ValueError(f"learning_rate must be > 0 and regularization_rate >= 0; got {c.learning_rate}, "
                         f"{c.regularization_rate}")


# Changing one of these draws the data again; changing anything but the learning rate resets
# the network (as the Playground does).
DATA_KEYS = frozenset({"dataset", "noise", "train_percent", "seed"})
NO_RESET_KEYS = frozenset({"learning_rate"})

# Teacher presets: each sets every setting but the engine (a preset runs on either engine).
PRESETS: dict[str, dict] = {
    "Playground default: circle, tanh [4, 2]": dict(),
    "linear model fails on xor": dict(dataset="xor", hidden=()),
    "xor with x1·x2 solves it at once": dict(dataset="xor", features=("x1·x2",), hidden=()),
    "circle with x1², x2² (no hidden layer)": dict(features=("x1²", "x2²"), hidden=(), seed=1),
    "spiral needs depth and sin features": dict(
        dataset="spiral", features=("x1", "x2", "sin x1", "sin x2"), hidden=(8, 8, 6),
        learning_rate=0.01, optimizer="adam", loss="cross-entropy"),
    "too high learning rate diverges": dict(learning_rate=3.0),  # tanh caps the loss: it jumps and stalls
    "over-fit: noisy, few points, big net": dict(
        dataset="gauss", noise=50, train_percent=10, features=FEATURE_NAMES, hidden=(8, 8, 8),
        learning_rate=0.03, optimizer="adam", loss="cross-entropy"),
    "L2 smooths an over-fit": dict(
        dataset="gauss", noise=50, train_percent=10, features=FEATURE_NAMES, hidden=(8, 8, 8),
        learning_rate=0.03, optimizer="adam", loss="cross-entropy", regularization="L2",
        regularization_rate=0.03),
    "L1 switches weights off": dict(
        dataset="circle", features=FEATURE_NAMES, hidden=(8, 8), regularization="L1",
        regularization_rate=0.003, learning_rate=0.03),
    "sigmoid deep net learns slowly (vanishing gradients)": dict(  # a plateau of ~500 epochs
        activation="sigmoid", hidden=(8, 8, 8)),
    "ReLU deep net learns fast": dict(activation="relu", hidden=(8, 8, 8, 8, 8, 8), learning_rate=0.01),
}


def preset_config(name: str, base: PlaygroundConfig | None = None) -> PlaygroundConfig:
    """The preset `name`: every setting from the Playground's defaults and the preset; engine from `base`."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}: choose one of {', '.join(PRESETS)}")
    engine = base.engine if base is not None else "torch"
    return PlaygroundConfig(**{**PRESETS[name], "engine": engine})


class StudentCodeError(Exception):
    """The student's numpy MLP is unfinished or returned something unusable; the message says which."""


def grid_points(density: int = DENSITY) -> np.ndarray:
    """Centres of a density x density grid over [-6, 6]^2, shape (density², 2); row-major with x2 slow."""
    h = 2 * DOMAIN / density
    axis = np.linspace(-DOMAIN + h / 2, DOMAIN - h / 2, density)
    x1, x2 = np.meshgrid(axis, axis)
    return np.column_stack([x1.ravel(), x2.ravel()])


class TorchEngine:
    """The built-in engine: the network in PyTorch float32, trained by autograd and torch.optim.

    float32 halves the cost of the grid's forward pass (tanh mostly) against float64; numpy
    arrays in are converted once and cached (the training and test features, the grid's).
    """

    name = "torch"

    def __init__(self, sizes, activation: str, loss: str, optimizer: str, seed: int):
        import torch

        self.torch = torch
        generator = torch.Generator().manual_seed(int(seed))
        dtype = self.dtype = torch.float32
        # The Playground's start: weights uniform in [-0.5, 0.5), biases 0.1.
        self.weights = [(torch.rand(a, b, generator=generator, dtype=dtype) - 0.5).requires_grad_()
                        for a, b in zip(sizes[:-1], sizes[1:])]
        self.biases = [torch.full((b,), 0.1, dtype=dtype, requires_grad=True) for b in sizes[1:]]
        self.activation = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
                           "linear": lambda z: z}[activation]
        self.loss_name = loss
        params = [*self.weights, *self.biases]
        # Fused (one kernel for all tensors) where torch has it on the CPU: a third less time per batch.
        if optimizer == "sgd":
            self.optimizer = torch.optim.SGD(params, lr=0.03, fused=True)
        elif optimizer == "momentum":
            self.optimizer = torch.optim.SGD(params, lr=0.03, momentum=MOMENTUM, fused=True)
        elif optimizer == "rmsprop":
            self.optimizer = torch.optim.RMSprop(params, lr=0.03, alpha=RMSPROP_RHO, eps=EPS, foreach=True)
        else:
            self.optimizer = torch.optim.Adam(params, lr=0.03, eps=EPS, fused=True)
        self._tensors: dict[int, tuple] = {}

    def _tensor(self, array: np.ndarray):
        """array as a float32 tensor, converted once per array (the cache holds the array: ids stay unique)."""
        cached = self._tensors.get(id(array))
        if cached is None or cached[0] is not array:
            if len(self._tensors) > 8:
                self._tensors.clear()
            cached = self._tensors[id(array)] = (array, self.torch.from_numpy(np.asarray(array, dtype=np.float32)))
        return cached[1]

    def _forward(self, X, keep: bool = False):
        """Output pre-activation z (m,) and, if keep, the hidden layers' activations."""
        h, hidden = X, []
        last = len(self.weights) - 1
        for layer, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = self.torch.addmm(b, h, W)
            if layer == last:
                return z[:, 0], hidden
            h = self.activation(z)
            if keep:
                hidden.append(h)

    def _data_loss(self, z, y):
        F = self.torch.nn.functional
        if self.loss_name == "squared":
            return 0.5 * ((self.torch.tanh(z) - (2.0 * y - 1.0)) ** 2).mean()
        return F.binary_cross_entropy_with_logits(z, y)

    def train_epoch(self, F: np.ndarray, y: np.ndarray, batch_size: int, lr: float,
                    regularization: str, rate: float) -> None:
        X, t = self._tensor(F), self._tensor(y)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        penalise = regularization != "none" and rate > 0
        for start in range(0, len(X), batch_size):
            z, _ = self._forward(X[start:start + batch_size])
            loss = self._data_loss(z, t[start:start + batch_size])
            if penalise:
                if regularization == "L1":
                    loss = loss + rate * sum(W.abs().sum() for W in self.weights)
                else:
                    loss = loss + rate * 0.5 * sum((W * W).sum() for W in self.weights)
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            self.optimizer.step()

    def evaluate(self, F: np.ndarray, y: np.ndarray | None = None, hidden: bool = False):
        """(value in [-1, 1] of shape (m,), mean data loss or None, hidden activations [(m, n_l)])."""
        torch = self.torch
        with torch.no_grad():
            z, layers = self._forward(self._tensor(F), keep=hidden)
            value = torch.tanh(z) if self.loss_name == "squared" else 2.0 * torch.sigmoid(z) - 1.0
            loss = None if y is None else float(self._data_loss(z, self._tensor(y)))
        return value.numpy().astype(np.float64), loss, [h.numpy() for h in layers]

    def parameters(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(W.detach().numpy().astype(np.float64), b.detach().numpy().astype(np.float64))
                for W, b in zip(self.weights, self.biases)]


class StudentEngine:
    """The student's numpy MLP (a06's contract), two outputs, softmax cross-entropy, labels 0 / 1.

    Every call goes through `_call`, which turns NotImplementedError and any other exception into
    a StudentCodeError naming the function; results are checked for the contract's shapes.
    """

    name = "numpy"

    def __init__(self, functions: dict[str, Callable], sizes, activation: str, optimizer: str, seed: int):
        self.functions = functions
        self.sizes = [int(n) for n in sizes]
        self.activation = activation
        self.optimizer = optimizer
        self.state: dict = {}
        params = self._call("init_mlp", list(self.sizes), int(seed))
        self._check_arrays("init_mlp", params, "a dict")
        self.params = params

    def _call(self, name: str, *args):
        function = self.functions.get(name)
        if function is None:
            raise StudentCodeError(f"{name}() is not defined yet")
        try:
            with np.errstate(all="ignore"):
                return function(*args)
        except NotImplementedError:
            raise StudentCodeError(f"{name}() is not written yet") from None
        except Exception as error:  # a student's bug must not break the picture
            raise StudentCodeError(f"{name}() raised {type(error).__name__}: {error}") from None

    def _check_arrays(self, name: str, arrays, what: str) -> None:
        """arrays must be a dict W1, b1, ... with W_l (n_{l-1}, n_l) and b_l (n_l,)."""
        if not isinstance(arrays, dict):
            raise StudentCodeError(f"{name}() returned {type(arrays).__name__}, expected {what} with keys W1, b1, ...")
        for layer, (n_in, n_out) in enumerate(zip(self.sizes[:-1], self.sizes[1:]), start=1):
            for key, shape in ((f"W{layer}", (n_in, n_out)), (f"b{layer}", (n_out,))):
                value = arrays.get(key)
                if value is None:
                    raise StudentCodeError(f"{name}() returned no {key!r} (keys: {sorted(arrays)})")
                if np.shape(value) != shape:
                    raise StudentCodeError(f"{name}() returned {key} of shape {np.shape(value)}, expected {shape}")

    def _forward(self, X: np.ndarray):
        result = self._call("mlp_forward", X.copy(), self.params, self.activation)
        if not (isinstance(result, tuple) and len(result) == 2):
            raise StudentCodeError("mlp_forward() must return (scores, caches)")
        scores, caches = result
        if np.shape(scores) != (len(X), 2):
            raise StudentCodeError(f"mlp_forward() returned scores of shape {np.shape(scores)}, expected {(len(X), 2)}")
        return np.asarray(scores, dtype=np.float64), caches

    def train_epoch(self, F: np.ndarray, y: np.ndarray, batch_size: int, lr: float,
                    regularization: str, rate: float) -> None:
        step_name = OPTIMIZER_FUNCTIONS[self.optimizer]
        for start in range(0, len(F), batch_size):
            Xb, yb = F[start:start + batch_size], y[start:start + batch_size].copy()
            scores, caches = self._forward(Xb)
            result = self._call("softmax_cross_entropy", scores.copy(), yb)
            if not (isinstance(result, tuple) and len(result) == 2) or np.shape(result[1]) != scores.shape:
                raise StudentCodeError(f"softmax_cross_entropy() must return (loss, dlogits) with dlogits of shape "
                                       f"{scores.shape}")
            grads = self._call("mlp_backward", result[1], caches)
            self._check_arrays("mlp_backward", grads, "a dict of gradients")
            grads = dict(grads)
            if regularization != "none" and rate > 0:  # the penalty's gradient (not an exercise)
                for layer in range(1, len(self.sizes)):
                    W = self.params[f"W{layer}"]
                    penalty = np.sign(W) if regularization == "L1" else W
                    grads[f"W{layer}"] = grads[f"W{layer}"] + rate * penalty
            if self.optimizer == "sgd":
                self._call(step_name, self.params, grads, lr)
            else:
                self._call(step_name, self.params, grads, self.state, lr)
            self._check_arrays(step_name, self.params, "params")  # read back: updated in place

    def evaluate(self, F: np.ndarray, y: np.ndarray | None = None, hidden: bool = False):
        """(2·P(class 1) − 1 of shape (m,), mean cross-entropy or None, hidden activations)."""
        import torch

        scores, caches = self._forward(F)
        logits = torch.from_numpy(scores)
        value = (2.0 * torch.softmax(logits, dim=1)[:, 1] - 1.0).numpy()
        loss = None
        if y is not None:
            loss = float(torch.nn.functional.cross_entropy(logits, torch.from_numpy(y.astype(np.int64))))
        layers = []
        if hidden:
            try:  # caches[l] = ((X_in, W, b), activation, activation_cache): the next layer's input
                layers = [np.asarray(caches[layer + 1][0][0], dtype=np.float64) for layer in range(len(self.sizes) - 2)]
            except Exception as error:
                raise StudentCodeError(f"mlp_forward()'s caches are not [((X_in, W, b), activation, cache), ...] "
                                       f"per layer ({type(error).__name__}: {error})") from None
            for layer, (h, n) in enumerate(zip(layers, self.sizes[1:-1]), start=1):
                if h.shape != (len(F), n):
                    raise StudentCodeError(f"caches[{layer}]'s layer input has shape {h.shape}, expected {(len(F), n)}")
        return value, loss, layers

    def parameters(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(np.array(self.params[f"W{layer}"], dtype=np.float64),
                 np.array(self.params[f"b{layer}"], dtype=np.float64)) for layer in range(1, len(self.sizes))]


class PlaygroundModel:
    """The playground's state: config, data, network (engine), epoch, losses; what to draw.

    Args:
        config: the settings (PlaygroundConfig); keyword `changes` override its fields.
        functions: name -> callable, the student's numpy MLP (STUDENT_FUNCTIONS); needed for
            engine="numpy" (the view passes late-bound look-ups of the notebook's names).
    """

    def __init__(self, config: PlaygroundConfig | None = None, functions: dict[str, Callable] | None = None,
                 **changes):
        self.functions = dict(functions) if functions is not None else None
        self.config = replace(config or PlaygroundConfig(), **changes)
        self.message = ""
        self._check_engine(self.config)
        self.config = self._coerce(self.config)
        self.data_version = 0
        self._grid = grid_points(DENSITY)
        self._make_data()
        self.reset()

    # --- settings -----------------------------------------------------------------------------
    def _check_engine(self, config: PlaygroundConfig) -> None:
        if config.engine == "numpy" and self.functions is None:
            raise ValueError("engine='numpy' needs the student's functions (show_playground(globals()))")

    def _coerce(self, config: PlaygroundConfig) -> PlaygroundConfig:
        """The numpy MLP knows relu and sigmoid, and trains with softmax cross-entropy."""
        if config.engine != "numpy":
            return config
        notes = []
        if config.activation not in STUDENT_ACTIVATIONS:
            notes.append(f"your MLP has relu and sigmoid, not {config.activation}: using relu")
            config = replace(config, activation="relu")
        if config.loss != "cross-entropy":
            notes.append("your MLP trains with softmax cross-entropy")
            config = replace(config, loss="cross-entropy")
        if notes:
            self.message = "; ".join(notes) + "."
        return config

    def set(self, **changes) -> set[str]:
        """Change settings; returns the names that changed. New data and/or a new network as needed."""
        self.message = ""
        old = self.config
        new = replace(old, **changes)
        self._check_engine(new)
        new = self._coerce(new)
        changed = {f.name for f in fields(PlaygroundConfig) if getattr(new, f.name) != getattr(old, f.name)}
        self.config = new
        if changed & DATA_KEYS:
            if "seed" in changed:
                self.data_version = 0
            self._make_data()
        if changed - NO_RESET_KEYS:
            self.reset(clear_message=False)
        return changed

    def apply_preset(self, name: str) -> set[str]:
        """Set every setting from the preset `name` (keeping the engine); always starts afresh."""
        config = preset_config(name, self.config)
        changed = self.set(**asdict(config))
        if not changed - NO_RESET_KEYS:
            self.reset(clear_message=False)
        return changed

    # --- data ---------------------------------------------------------------------------------
    @property
    def data_seed(self) -> int:
        return self.config.seed + 7919 * self.data_version

    def _make_data(self) -> None:
        c = self.config
        X, y = make_dataset(c.dataset, noise=c.noise / 100, seed=self.data_seed)
        self.X_train, self.y_train, self.X_test, self.y_test = split_train_test(
            X, y, train_share=c.train_percent / 100, seed=self.data_seed)
        self._features_of = None

    def regenerate(self) -> None:
        """New points (the Playground's regenerate button); the network keeps its weights."""
        self.message = ""
        self.data_version += 1
        self._make_data()
        self._prepare_features()
        self.trained.append("new")
        self._guard(self._record, replace_last=True)

    def _prepare_features(self) -> None:
        names = self.config.features
        self.F_train = features(self.X_train, names)
        self.F_test = features(self.X_test, names)
        self.F_grid = features(self._grid, names)
        scale = np.abs(self.F_grid).max(axis=0)
        self._input_maps = (self.F_grid / np.where(scale > 0, scale, 1.0)).T.reshape(len(names), DENSITY, DENSITY)
        self._features_of = names

    # --- network ------------------------------------------------------------------------------
    @property
    def layer_sizes(self) -> list[int]:
        """Inputs, hidden layers, outputs (1 for PyTorch's single output unit, 2 for the numpy MLP's softmax)."""
        n_out = 2 if self.config.engine == "numpy" else 1
        return [len(self.config.features), *self.config.hidden, n_out]

    def _build_engine(self):
        c = self.config
        if c.engine == "numpy":
            return StudentEngine(self.functions, self.layer_sizes, c.activation, c.optimizer, c.seed)
        return TorchEngine(self.layer_sizes, c.activation, c.loss, c.optimizer, c.seed)

    def reset(self, clear_message: bool = True) -> None:
        """A fresh network from the seed: epoch 0, the loss history restarts."""
        if clear_message:
            self.message = ""
        if self._features_of != self.config.features:
            self._prepare_features()
        self.epoch = 0
        self.history = {"epoch": [], "train_loss": [], "test_loss": []}
        self.trained: list = []  # since the network started: [epochs, learning rate] runs and "new" (regenerate)
        self.engine = None
        self._guard(self._start)

    def _start(self) -> None:
        self.engine = self._build_engine()
        self._record()

    def _record(self, replace_last: bool = False) -> None:
        """Losses and accuracies on the train and test points now; append them to the history."""
        value, self.train_loss, _ = self.engine.evaluate(self.F_train, self.y_train)
        self.train_accuracy = float(np.mean((value >= 0) == (self.y_train == 1)))
        value, self.test_loss, _ = self.engine.evaluate(self.F_test, self.y_test)
        self.test_accuracy = float(np.mean((value >= 0) == (self.y_test == 1)))
        if replace_last and self.history["epoch"]:
            for key in ("epoch", "train_loss", "test_loss"):
                self.history[key].pop()
        self.history["epoch"].append(self.epoch)
        self.history["train_loss"].append(self.train_loss)
        self.history["test_loss"].append(self.test_loss)

    def _guard(self, action, *args, **kwargs):
        """Run action; if the student's code fails, say why and go on with PyTorch from a fresh start."""
        with one_torch_thread():
            try:
                return action(*args, **kwargs)
            except StudentCodeError as error:
                self._fall_back(str(error))
                return None

    def _fall_back(self, why: str) -> None:
        self.config = replace(self.config, engine="torch")
        self.message = f"{why}; training with PyTorch instead."
        self.epoch = 0
        self.history = {"epoch": [], "train_loss": [], "test_loss": []}
        self.trained = []
        self.engine = self._build_engine()
        self._record()

    def step(self, epochs: int = 1) -> None:
        """Train `epochs` epochs: each goes once over the training points in mini-batches."""
        for _ in range(epochs):
            if self._guard(self._epoch) is None:
                return  # fell back to PyTorch: start from its fresh network

    def _epoch(self) -> bool:
        c = self.config
        self.engine.train_epoch(self.F_train, self.y_train, c.batch_size, c.learning_rate,
                                c.regularization, c.regularization_rate)
        self.epoch += 1
        if self.trained and self.trained[-1] != "new" and self.trained[-1][1] == c.learning_rate:
            self.trained[-1][0] += 1
        else:
            self.trained.append([1, c.learning_rate])
        self._record()
        return True

    # --- replaying ----------------------------------------------------------------------------
    def training_log(self) -> str:
        """What the network went through since it started, for `replay`: comma-separated runs of
        epochs, `30` at the current learning rate or `20:0.1` at another, and `new` for regenerate."""
        lr = self.config.learning_rate
        return ",".join(run if run == "new" else f"{run[0]}" if run[1] == lr else f"{run[0]}:{run[1]:.12g}"
                        for run in self.trained) or "0"

    def replay(self, log: str, regenerated: int) -> None:
        """A fresh network from the seed, then `log` (a `training_log`) again, ending with the data
        of `regenerated` regenerations: the same weights, history and points, as training is seeded."""
        runs = []
        for token in log.split(","):
            epochs, _, rate = token.partition(":")
            try:
                runs.append("new" if token == "new" else
                            (int(epochs), float(rate) if rate else self.config.learning_rate))
            except ValueError:
                raise ValueError(f"The setup's training log has \"{token}\", which is not a number of epochs, "
                                 "epochs:rate, or new.") from None
        if regenerated < runs.count("new") or any(run != "new" and (run[0] < 0 or not run[1] > 0) for run in runs):
            raise ValueError(f"The setup's training log ({log}) does not fit its {regenerated} regenerations.")
        total = sum(run[0] for run in runs if run != "new")
        if total > MAX_REPLAYED_EPOCHS:  # a link could otherwise keep the kernel busy for hours
            raise ValueError(f"The setup trains {total:,} epochs; a setup may replay at most "
                             f"{MAX_REPLAYED_EPOCHS:,}.")
        lr = self.config.learning_rate
        self.data_version = regenerated - runs.count("new")
        self._make_data()
        self.reset()
        for run in runs:
            if run == "new":
                self.regenerate()
            elif run[0]:
                self.config = replace(self.config, learning_rate=run[1])
                self.step(run[0])
        self.config = replace(self.config, learning_rate=lr)

    # --- what to draw -------------------------------------------------------------------------
    def maps(self) -> dict:
        """Values over the grid, each (..., DENSITY, DENSITY) with rows = x2 from -6 up, columns = x1:

        'output' (D, D) in [-1, 1]; 'hidden' a list of (n_l, D, D) per hidden layer (activations);
        'inputs' (n_features, D, D), each feature divided by its largest |value| on the grid.
        """
        result = self._guard(self.engine.evaluate, self.F_grid, None, True)
        if result is None:  # fell back: draw the fresh PyTorch network
            with one_torch_thread():
                result = self.engine.evaluate(self.F_grid, None, True)
        value, _, layers = result
        d = DENSITY
        return {"output": value.reshape(d, d),
                "hidden": [h.T.reshape(h.shape[1], d, d) for h in layers],
                "inputs": self._input_maps}

    def parameters(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """(W_l of shape (n_{l-1}, n_l), b_l of shape (n_l,)) for each layer, copies."""
        return self.engine.parameters()

    def drawn_parameters(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """parameters() with one output unit, as drawn: the numpy MLP's two softmax outputs act as
        one sigmoid unit with weights W[:, 1] - W[:, 0] and bias b[1] - b[0] (P(class 1) = σ(z1 - z0))."""
        params = self.parameters()
        W, b = params[-1]
        if W.shape[1] == 2:
            params[-1] = ((W[:, 1] - W[:, 0])[:, None], (b[1:] - b[:1]))
        return params

    def weight_norm(self) -> float:
        """sqrt of the sum of all squared weights (not biases)."""
        return float(np.sqrt(sum(np.sum(W * W) for W, _ in self.parameters())))

    def predict(self, X: np.ndarray) -> np.ndarray:
        """0 / 1 class of points X (m, 2) (class 1 where the output value >= 0)."""
        with one_torch_thread():
            value, _, _ = self.engine.evaluate(features(np.asarray(X, dtype=np.float64), self.config.features))
        return (value >= 0).astype(np.int64)
