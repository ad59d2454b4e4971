"""Visualisers: each file holds one, as a pure-numpy model plus a thin ipywidgets view.

The model (state, step, what to draw) is unit-tested without a browser; the view only wires
controls to the model and updates matplotlib artists in place.
"""

from dlcourse.viz.house_price import HousePriceExplorer, HousePriceModel, show_house_price_explorer

__all__ = ["HousePriceExplorer", "HousePriceModel", "show_house_price_explorer"]
