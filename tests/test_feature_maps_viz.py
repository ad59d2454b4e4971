"""The week-8 feature-map explorer: hooks find a CNN's layers and their outputs; the view without a browser."""

import numpy as np
import pytest
import torch
from torch import nn

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips

from dlcourse.viz.feature_maps import (
    FeatureMapExplorer, FeatureMapModel, grid_shape, show_feature_maps, tile_maps,
)


def small_cnn(wide: int = 40) -> nn.Module:
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(4, wide, 3), nn.ReLU(), nn.Dropout(0.5),
                         nn.Flatten(), nn.Linear(wide * 12 * 12, 10))


class SharedPoolNet(nn.Module):
    """Functional ReLU (not hookable) and one pooling module called twice."""

    def __init__(self):
        super().__init__()
        torch.manual_seed(1)
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 5, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.head = nn.Linear(5 * 7 * 7, 10)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.head(x.flatten(1))


@pytest.fixture(scope="module")
def images():
    return torch.rand(6, 1, 28, 28, generator=torch.Generator().manual_seed(0))


def test_hooks_find_conv_layers_and_what_follows_them(images):
    model = FeatureMapModel(small_cnn(), images)
    assert [(layer.name, layer.kind, layer.shape) for layer in model.layers] == [
        ("0", "Conv2d", (4, 28, 28)), ("1", "ReLU", (4, 28, 28)), ("2", "MaxPool2d", (4, 14, 14)),
        ("3", "Conv2d", (40, 12, 12)), ("4", "ReLU", (40, 12, 12))]  # dropout and the dense head left out


def test_a_module_called_twice_is_two_layers(images):
    model = FeatureMapModel(SharedPoolNet(), images)
    labels = [layer.label() for layer in model.layers]
    assert labels == ["conv1: Conv2d → 3×28×28", "pool: MaxPool2d → 3×14×14",
                      "conv2: Conv2d → 5×14×14", "pool (call 2): MaxPool2d → 5×7×7"]
    net = model.model
    with torch.no_grad():
        expected = net.pool(torch.relu(net.conv2(net.pool(torch.relu(net.conv1(images[2:3]))))))
    np.testing.assert_allclose(model.feature_maps(2, 3), expected[0].numpy(), atol=1e-6)


def test_maps_are_the_layer_outputs_capped_at_max_channels(images):
    net = small_cnn()
    model = FeatureMapModel(net, images, max_channels=32)
    with torch.no_grad():
        first = net[0](images[3:4])[0].numpy()
        second = net[3](net[2](net[1](net[0](images[3:4]))))[0].numpy()
    np.testing.assert_allclose(model.feature_maps(3, 0), first, atol=1e-6)
    assert model.feature_maps(3, 3).shape == (32, 12, 12) and model.shown_channels(3) == 32
    np.testing.assert_allclose(model.feature_maps(3, 3), second[:32], atol=1e-6)
    assert model.probabilities(3).sum() == pytest.approx(1.0)


def test_model_mode_is_kept_and_no_hooks_are_left(images):
    net = small_cnn()
    net.train()
    model = FeatureMapModel(net, images)
    model.feature_maps(1, 4)
    assert net.training
    assert all(not module._forward_hooks for module in net.modules())
    a, b = model.feature_maps(5, 4), FeatureMapModel(net, images).feature_maps(5, 4)
    np.testing.assert_array_equal(a, b)  # eval mode: dropout did not change anything


def test_uint8_images_are_scaled_as_to_tensors_does():
    from dlcourse.fashion_mnist import to_tensors

    raw = np.random.default_rng(0).integers(0, 256, size=(3, 28, 28), dtype=np.uint8)
    net = small_cnn()
    x, _ = to_tensors(raw, np.zeros(3))
    np.testing.assert_allclose(FeatureMapModel(net, raw).feature_maps(1, 2),
                               FeatureMapModel(net, x).feature_maps(1, 2), atol=1e-6)


def test_errors_say_what_is_wrong(images):
    with pytest.raises(ValueError, match="no nn.Conv2d"):
        FeatureMapModel(nn.Sequential(nn.Flatten(), nn.Linear(784, 10)), images)
    model = FeatureMapModel(small_cnn(), images)
    with pytest.raises(ValueError):
        model.feature_maps(6, 0)
    with pytest.raises(ValueError):
        model.feature_maps(0, 5)


def test_grid_shapes_and_colour_limits():
    assert [grid_shape(n) for n in (3, 8, 16, 32, 20)] == [(1, 3), (1, 8), (2, 8), (4, 8), (3, 8)]
    maps = np.stack([np.zeros((2, 2)), np.full((2, 2), 3.0), np.arange(4.0).reshape(2, 2)])
    assert FeatureMapModel.limits(maps, "whole layer") == [(0.0, 3.0)] * 3
    each = FeatureMapModel.limits(maps, "each map")
    assert each[1][0] == 3.0 and each[1][1] > 3.0 and each[2] == (0.0, 3.0)


def test_tile_maps_stretches_scales_and_leaves_gaps():
    maps = np.stack([np.arange(4.0).reshape(2, 2), np.full((2, 2), 5.0), np.eye(2)])
    mosaic, origins = tile_maps(maps, [(0.0, 3.0), (5.0, 6.0), (0.0, 1.0)], (4, 4))
    assert mosaic.shape == (4 + 2, 3 * (4 + 1) - 1) and origins == [(2, 0), (2, 5), (2, 10)]
    np.testing.assert_allclose(mosaic[2:6, 0:4], np.kron(maps[0], np.ones((2, 2))) / 3)
    np.testing.assert_allclose(mosaic[2:6, 5:9], 0.0)
    assert np.isnan(mosaic[:2]).all() and np.isnan(mosaic[:, 4]).all()


def test_view_blits_a_new_image_and_rebuilds_the_grid_only_for_a_new_shape(images, monkeypatch):
    explorer = FeatureMapExplorer(small_cnn(), images, labels=[0, 1, 2, 3, 4, 5])
    assert len(explorer.channel_labels) == 4 and "image 0: T-shirt/top" in explorer.readout.value
    explorer.fig.canvas.draw()
    full_draws = []
    monkeypatch.setattr(explorer.fig.canvas, "draw_idle", lambda: full_draws.append(True))
    before = explorer.mosaic.copy()
    explorer.image_slider.value = 4
    after = explorer.mosaic
    assert after.shape == before.shape and not np.allclose(np.nan_to_num(after), np.nan_to_num(before))
    np.testing.assert_array_equal(explorer.maps_artist.pixels.view(np.uint8).reshape(*after.shape, 4),
                                  explorer.colormap(after, bytes=True))
    assert "image 4: Coat" in explorer.readout.value and explorer.ax_input.get_title() == "image 4: Coat"
    assert not full_draws
    explorer.layer_menu.value = 2  # the pool: still 4 channels, maps now 14x14 stretched to the same tiles
    assert explorer.mosaic.shape == before.shape and not full_draws
    explorer.layer_menu.value = 3  # 40 channels, 32 shown: a 4 x 8 grid
    assert len(explorer.channel_labels) == 32 and full_draws == [True]
    assert explorer.maps_artist.pixels.shape == (4 * (28 + 11), 8 * (28 + 3) - 3)
    assert "channels 0–31 of 40 shown" in explorer.readout.value
    each = explorer.mosaic.copy()
    explorer.scale_buttons.value = "whole layer"
    shared = explorer.mosaic
    assert np.nanmax(shared) == pytest.approx(1.0) and not np.allclose(np.nan_to_num(each), np.nan_to_num(shared))


def test_no_widgets_under_grading(monkeypatch, images):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_feature_maps(small_cnn(), images) is None


def test_a_saved_setup_restores_the_same_picture(images):
    net = small_cnn()
    setup = assert_setup_round_trips(lambda: FeatureMapExplorer(net, images))
    assert setup == "feature_maps?image=3&layer=4&scale=whole%20layer"
    assert_named_setups_restore(lambda: FeatureMapExplorer(net, images))


def test_a_named_setup_and_chosen_controls_when_shown(images, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_feature_maps(small_cnn(), images, setup="second convolution", controls=["image"])
    assert explorer.model.layers[explorer.layer].label() == "3: Conv2d → 40×12×12"
    assert len(explorer.channel_labels) == 32
    assert explorer.image_slider.layout.display is None
    assert explorer.layer_menu.layout.display == "none" and explorer.scale_buttons.layout.display == "none"
