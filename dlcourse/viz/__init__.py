"""Visualisers: each file holds one, as a pure-numpy model plus a thin ipywidgets view.

The model (state, step, what to draw) is unit-tested without a browser; the view only wires
controls to the model and updates matplotlib artists in place.
"""

from dlcourse.viz.activations import ActivationExplorer, ActivationModel, show_activation_explorer
from dlcourse.viz.batch_paths import BatchPathExplorer, BatchPathModel, show_batch_path_explorer
from dlcourse.viz.bias_variance import BiasVarianceExplorer, BiasVarianceModel, show_bias_variance_explorer
from dlcourse.viz.dartboard import DartboardExplorer, DartboardModel, show_dartboard_explorer
from dlcourse.viz.early_stopping import EarlyStoppingExplorer, EarlyStoppingModel, show_early_stopping_explorer
from dlcourse.viz.house_price import HousePriceExplorer, HousePriceModel, show_house_price_explorer
from dlcourse.viz.learning_rate import LearningRateExplorer, LearningRateModel, show_learning_rate_explorer
from dlcourse.viz.loss_contours import LossContourExplorer, LossContourModel, show_loss_contour_explorer
from dlcourse.viz.vanishing_gradients import (
    VanishingGradientExplorer, VanishingGradientModel, show_vanishing_gradient_explorer,
)
from dlcourse.viz.xor_space import XorSpaceExplorer, XorSpaceModel, show_xor_space_explorer

__all__ = [
    "ActivationExplorer", "ActivationModel", "show_activation_explorer",
    "BatchPathExplorer", "BatchPathModel", "show_batch_path_explorer",
    "BiasVarianceExplorer", "BiasVarianceModel", "show_bias_variance_explorer",
    "DartboardExplorer", "DartboardModel", "show_dartboard_explorer",
    "EarlyStoppingExplorer", "EarlyStoppingModel", "show_early_stopping_explorer",
    "HousePriceExplorer", "HousePriceModel", "show_house_price_explorer",
    "LearningRateExplorer", "LearningRateModel", "show_learning_rate_explorer",
    "LossContourExplorer", "LossContourModel", "show_loss_contour_explorer",
    "VanishingGradientExplorer", "VanishingGradientModel", "show_vanishing_gradient_explorer",
    "XorSpaceExplorer", "XorSpaceModel", "show_xor_space_explorer",
]
