"""Visualisers: each file holds one, as a pure-numpy model plus a thin ipywidgets view.

The model (state, step, what to draw) is unit-tested without a browser; the view only wires
controls to the model and updates matplotlib artists in place. The four largest keep their model
in a file of its own, `<name>_model.py` (playground, backprop_stepper, optimizer_race,
convolution). Shared pieces: `figure` (the ipympl canvas and blitting), `binding` (calling the
student's functions late, and their errors as readout notes), `artists` (fast text and pixels).
"""

from dlcourse.viz.activations import ActivationExplorer, ActivationModel, show_activation_explorer
from dlcourse.viz.backprop_stepper import BackpropStepperExplorer, show_backprop_stepper
from dlcourse.viz.backprop_stepper_model import BackpropStepperModel
from dlcourse.viz.batch_paths import BatchPathExplorer, BatchPathModel, show_batch_path_explorer
from dlcourse.viz.bias_variance import BiasVarianceExplorer, BiasVarianceModel, show_bias_variance_explorer
from dlcourse.viz.confusion import ConfusionExplorer, ConfusionModel, show_confusion_explorer
from dlcourse.viz.convolution import ConvolutionExplorer, show_convolution_explorer
from dlcourse.viz.convolution_model import ConvolutionModel
from dlcourse.viz.dartboard import DartboardExplorer, DartboardModel, show_dartboard_explorer
from dlcourse.viz.early_stopping import EarlyStoppingExplorer, EarlyStoppingModel, show_early_stopping_explorer
from dlcourse.viz.feature_maps import FeatureMapExplorer, FeatureMapModel, show_feature_maps
from dlcourse.viz.house_price import HousePriceExplorer, HousePriceModel, show_house_price_explorer
from dlcourse.viz.learning_rate import LearningRateExplorer, LearningRateModel, show_learning_rate_explorer
from dlcourse.viz.loss_contours import LossContourExplorer, LossContourModel, show_loss_contour_explorer
from dlcourse.viz.optimizer_race import OptimizerRaceExplorer, show_optimizer_race
from dlcourse.viz.optimizer_race_model import OptimizerRaceModel
from dlcourse.viz.playground import PlaygroundExplorer, show_playground
from dlcourse.viz.playground_model import PRESETS, PlaygroundConfig, PlaygroundModel
from dlcourse.viz.training_monitor import TrainingMonitor, TrainingMonitorModel, show_training_monitor
from dlcourse.viz.vanishing_gradients import (
    VanishingGradientExplorer, VanishingGradientModel, show_vanishing_gradient_explorer,
)
from dlcourse.viz.xor_space import XorSpaceExplorer, XorSpaceModel, show_xor_space_explorer

__all__ = [
    "ActivationExplorer", "ActivationModel", "show_activation_explorer",
    "BackpropStepperExplorer", "BackpropStepperModel", "show_backprop_stepper",
    "ConfusionExplorer", "ConfusionModel", "show_confusion_explorer",
    "ConvolutionExplorer", "ConvolutionModel", "show_convolution_explorer",
    "FeatureMapExplorer", "FeatureMapModel", "show_feature_maps",
    "OptimizerRaceExplorer", "OptimizerRaceModel", "show_optimizer_race",
    "PlaygroundExplorer", "PlaygroundConfig", "PlaygroundModel", "PRESETS", "show_playground",
    "TrainingMonitor", "TrainingMonitorModel", "show_training_monitor",
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
