"""One small build of every visualiser, for the checks that run over all of them (accessibility)."""

from __future__ import annotations

import numpy as np

import week6_answers as answers


def _feature_maps():
    import torch
    from torch import nn

    from dlcourse.viz.feature_maps import FeatureMapExplorer

    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(6 * 7 * 7, 10))
    images = torch.rand(6, 1, 28, 28, generator=torch.Generator().manual_seed(0))
    return FeatureMapExplorer(model, images)


def _confusion():
    from dlcourse.viz.confusion import ConfusionExplorer

    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 10, size=300)
    y_pred = np.where(rng.random(300) < 0.7, y_true, rng.integers(0, 10, size=300))
    images = rng.integers(0, 256, size=(300, 28, 28), dtype=np.uint8)
    return ConfusionExplorer(y_true, y_pred, images, probabilities=rng.dirichlet(np.ones(10), size=300))


def _build(module: str, cls: str, **kwargs):
    import importlib

    return lambda: getattr(importlib.import_module(f"dlcourse.viz.{module}"), cls)(**kwargs)


BUILDS = {
    "house_price": _build("house_price", "HousePriceExplorer"),
    "learning_rate": _build("learning_rate", "LearningRateExplorer"),
    "loss_contours": _build("loss_contours", "LossContourExplorer"),
    "batch_paths": _build("batch_paths", "BatchPathExplorer"),
    "early_stopping": _build("early_stopping", "EarlyStoppingExplorer"),
    "dartboard": _build("dartboard", "DartboardExplorer"),
    "bias_variance": _build("bias_variance", "BiasVarianceExplorer"),
    "activations": _build("activations", "ActivationExplorer"),
    "xor_space": _build("xor_space", "XorSpaceExplorer"),
    "vanishing_gradients": _build("vanishing_gradients", "VanishingGradientExplorer"),
    "backprop_stepper": _build("backprop_stepper", "BackpropStepperExplorer", functions=answers.LAYERS),
    "optimizer_race": _build("optimizer_race", "OptimizerRaceExplorer", steps=answers.OPTIMIZER_STEPS, n_steps=50),
    "playground": _build("playground", "PlaygroundExplorer", functions=answers.MLP),
    "convolution": _build("convolution", "ConvolutionExplorer"),
    "feature_maps": _feature_maps,
    "confusion": _confusion,
}
