"""Visualisers: each file holds one, as a pure-numpy model plus a thin ipywidgets view.

The model (state, step, what to draw) is unit-tested without a browser; the view only wires
controls to the model and updates matplotlib artists in place.
"""

from dlcourse.viz.batch_paths import BatchPathExplorer, BatchPathModel, show_batch_path_explorer
from dlcourse.viz.early_stopping import EarlyStoppingExplorer, EarlyStoppingModel, show_early_stopping_explorer
from dlcourse.viz.house_price import HousePriceExplorer, HousePriceModel, show_house_price_explorer

__all__ = [
    "BatchPathExplorer", "BatchPathModel", "show_batch_path_explorer",
    "EarlyStoppingExplorer", "EarlyStoppingModel", "show_early_stopping_explorer",
    "HousePriceExplorer", "HousePriceModel", "show_house_price_explorer",
]
