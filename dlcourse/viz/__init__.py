"""Visualisers: each file holds one, as a pure-numpy model plus a thin ipywidgets view.

The model (state, step, what to draw) is unit-tested without a browser; the view only wires
controls to the model and updates matplotlib artists in place. The four largest keep their model
in a file of its own, `<name>_model.py` (playground, backprop_stepper, optimizer_race,
convolution). Shared pieces: `figure` (the ipympl canvas and blitting), `binding` (calling the
student's functions late, and their errors as readout notes), `artists` (fast text and pixels),
`explorer` (the shell every view shares: setups, presenter size, live readout) and `palette`
(the course's colours and the accessibility checks).

One calling convention: `show_<visualiser>(data…, namespace=None, *, <student functions>,
setup=None, controls=None, presenter=False, **settings)`, where <visualiser> is the explorer's
`name` (the key of its setups). Data come first where a visualiser needs them (the week-8 ones).
"""

from dlcourse.viz.activations import ActivationExplorer, ActivationModel, show_activations
from dlcourse.viz.backprop_stepper import BackpropStepperExplorer, show_backprop_stepper
from dlcourse.viz.backprop_stepper_model import BackpropStepperModel
from dlcourse.viz.batch_paths import BatchPathExplorer, BatchPathModel, show_batch_paths
from dlcourse.viz.bias_variance import BiasVarianceExplorer, BiasVarianceModel, show_bias_variance
from dlcourse.viz.confusion import ConfusionExplorer, ConfusionModel, show_confusion
from dlcourse.viz.convolution import ConvolutionExplorer, show_convolution
from dlcourse.viz.convolution_model import ConvolutionModel
from dlcourse.viz.dartboard import DartboardExplorer, DartboardModel, show_dartboard
from dlcourse.viz.early_stopping import EarlyStoppingExplorer, EarlyStoppingModel, show_early_stopping
from dlcourse.viz.feature_maps import FeatureMapExplorer, FeatureMapModel, show_feature_maps
from dlcourse.viz.house_price import HousePriceExplorer, HousePriceModel, show_house_price
from dlcourse.viz.learning_rate import LearningRateExplorer, LearningRateModel, show_learning_rate
from dlcourse.viz.loss_contours import LossContourExplorer, LossContourModel, show_loss_contours
from dlcourse.viz.optimizer_race import OptimizerRaceExplorer, show_optimizer_race
from dlcourse.viz.optimizer_race_model import OptimizerRaceModel
from dlcourse.viz.playground import PlaygroundExplorer, show_playground
from dlcourse.viz.playground_model import PRESETS, PlaygroundConfig, PlaygroundModel
from dlcourse.viz.training_monitor import TrainingMonitor, TrainingMonitorModel, show_training_monitor
from dlcourse.viz.vanishing_gradients import (
    VanishingGradientExplorer, VanishingGradientModel, show_vanishing_gradients,
)
from dlcourse.viz.xor_space import XorSpaceExplorer, XorSpaceModel, show_xor_space

__all__ = [
    "ActivationExplorer", "ActivationModel", "show_activations",
    "BackpropStepperExplorer", "BackpropStepperModel", "show_backprop_stepper",
    "ConfusionExplorer", "ConfusionModel", "show_confusion",
    "ConvolutionExplorer", "ConvolutionModel", "show_convolution",
    "FeatureMapExplorer", "FeatureMapModel", "show_feature_maps",
    "OptimizerRaceExplorer", "OptimizerRaceModel", "show_optimizer_race",
    "PlaygroundExplorer", "PlaygroundConfig", "PlaygroundModel", "PRESETS", "show_playground",
    "TrainingMonitor", "TrainingMonitorModel", "show_training_monitor",
    "BatchPathExplorer", "BatchPathModel", "show_batch_paths",
    "BiasVarianceExplorer", "BiasVarianceModel", "show_bias_variance",
    "DartboardExplorer", "DartboardModel", "show_dartboard",
    "EarlyStoppingExplorer", "EarlyStoppingModel", "show_early_stopping",
    "HousePriceExplorer", "HousePriceModel", "show_house_price",
    "LearningRateExplorer", "LearningRateModel", "show_learning_rate",
    "LossContourExplorer", "LossContourModel", "show_loss_contours",
    "VanishingGradientExplorer", "VanishingGradientModel", "show_vanishing_gradients",
    "XorSpaceExplorer", "XorSpaceModel", "show_xor_space",
]

# The names in notebooks released before December 2026: show_<visualiser>_explorer.
from dlcourse.viz.house_price import show_house_price_explorer
from dlcourse.viz.learning_rate import show_learning_rate_explorer
from dlcourse.viz.loss_contours import show_loss_contour_explorer
from dlcourse.viz.batch_paths import show_batch_path_explorer
from dlcourse.viz.early_stopping import show_early_stopping_explorer
from dlcourse.viz.dartboard import show_dartboard_explorer
from dlcourse.viz.bias_variance import show_bias_variance_explorer
from dlcourse.viz.activations import show_activation_explorer
from dlcourse.viz.xor_space import show_xor_space_explorer
from dlcourse.viz.vanishing_gradients import show_vanishing_gradient_explorer
from dlcourse.viz.convolution import show_convolution_explorer
from dlcourse.viz.confusion import show_confusion_explorer
__all__ += [
    "show_house_price_explorer", "show_learning_rate_explorer", "show_loss_contour_explorer",
    "show_batch_path_explorer", "show_early_stopping_explorer", "show_dartboard_explorer",
    "show_bias_variance_explorer", "show_activation_explorer", "show_xor_space_explorer",
    "show_vanishing_gradient_explorer", "show_convolution_explorer", "show_confusion_explorer",
]
