"""The week-8 convolution explorer: its model against hand-computed cases and torch, its view without a browser."""

import numpy as np
import pytest

from explorer_checks import assert_named_setups_restore, assert_setup_round_trips, change_every_control

from dlcourse import fashion_mnist as fm
from dlcourse.viz.convolution import ConvolutionExplorer, show_convolution
from dlcourse.viz.convolution_model import CUSTOM, PRESETS, ConvolutionModel, as_grey_images, synthetic_images


def torch_conv2d(x, w, b, stride=1, padding=0):
    """A correct conv2d_naive stand-in (through torch: no numpy solution in the repository)."""
    import torch
    import torch.nn.functional as F

    return F.conv2d(torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b), stride=stride,
                    padding=padding).numpy()


@pytest.fixture(scope="module")
def images():
    return synthetic_images()


def test_identity_kernel_reproduces_the_image(images):
    """Identity kernel: padding 1 gives the image back; padding 0 gives it without its border."""
    model = ConvolutionModel(images, kernel="identity", padding=1)
    np.testing.assert_allclose(model.maps().output, images[0], atol=1e-12)
    model.set(padding=0)
    np.testing.assert_allclose(model.maps().output, images[0][1:-1, 1:-1], atol=1e-12)


def test_hand_computed_sum_kernel_relu_and_pool():
    """A 4x4 ramp 0..15 with a kernel of ones: each output is its 3x3 window's sum."""
    image = np.arange(16.0).reshape(4, 4)
    model = ConvolutionModel(image, kernel=np.ones((3, 3)))
    maps = model.maps()
    np.testing.assert_allclose(maps.output, [[45, 54], [81, 90]])
    np.testing.assert_allclose(maps.relu, maps.output)
    np.testing.assert_allclose(maps.pooled, [[90]])
    assert model.preset == CUSTOM


def test_sobel_x_finds_a_vertical_edge():
    """Dark left half, bright right half: Sobel x says 1+2+1 = 4 where a window straddles the edge."""
    image = np.zeros((6, 6))
    image[:, 3:] = 1.0
    model = ConvolutionModel(image, kernel="Sobel x")
    np.testing.assert_allclose(model.maps().output, np.tile([0.0, 4.0, 4.0, 0.0], (4, 1)), atol=1e-12)
    model.set(kernel="Sobel y")
    np.testing.assert_allclose(model.maps().output, 0.0, atol=1e-12)


@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("padding", [0, 1, 2])
def test_output_size_follows_the_formula(images, stride, padding):
    """H_out = floor((H + 2p − k)/s) + 1, and the readout writes it with the numbers."""
    model = ConvolutionModel(images, stride=stride, padding=padding)
    expected = (28 + 2 * padding - 3) // stride + 1
    assert model.output_shape() == (expected, expected), (stride, padding)
    assert f"⌊(28 + 2·{padding} − 3)/{stride}⌋ + 1 = {expected}" in model.output_size_text()
    assert model.maps().padded.shape == (28 + 2 * padding,) * 2
    assert model.maps().pooled.shape == (expected // 2,) * 2


@pytest.mark.parametrize("kernel,stride,padding", [("Gaussian blur", 1, 0), ("Sobel x", 2, 1),
                                                    ("sharpen", 3, 2), ("edge (Laplacian)", 2, 2)])
def test_every_window_gives_its_output_cell(images, kernel, stride, padding):
    """The window at each position, dotted with the kernel, is that position's output cell."""
    model = ConvolutionModel(images, index=1, kernel=kernel, stride=stride, padding=padding)
    out = model.maps().output
    rows, cols = out.shape
    for position in range(rows * cols):
        row, col = model.cell(position)
        assert (row, col) == divmod(position, cols)
        assert model.window(position) == (row * stride, col * stride)
        assert model.dot_product(position) == pytest.approx(out[row, col], abs=1e-12), position


def test_window_over_padding_sees_zeros_and_the_readout_writes_nine_terms(images):
    model = ConvolutionModel(images, index=2, kernel="blur (box)", padding=2, position=0)
    assert np.all(model.patch() == 0)  # the corner window lies in the padding
    text = model.dot_product_text(position=5 * model.output_shape()[1] + 14)  # image rows 3-5: the T's bar top
    assert text.count("·") == 9 and text.count(" + ") == 8
    assert text.startswith("0.00·0.111 + ") and text.endswith("1.00·0.111 = 0.333")


def test_relu_and_max_pool_follow_the_output(images):
    model = ConvolutionModel(images, kernel="Sobel x", padding=1)
    maps = model.maps()
    np.testing.assert_allclose(maps.relu, np.maximum(maps.output, 0))
    blocks = maps.relu.reshape(14, 2, 14, 2)
    np.testing.assert_allclose(maps.pooled, blocks.max(axis=(1, 3)))
    model.set(position=3 * 28 + 5)
    assert model.pool_cell() == (1, 2)


def test_new_stride_keeps_the_window_cell_inside_the_output(images):
    model = ConvolutionModel(images)
    model.set(position=20 * 26 + 5)  # cell (20, 5) of 26x26
    model.set(stride=2)  # 13x13: row 20 moves to the last row
    assert model.cell() == (12, 5)
    model.set(stride=1, padding=2)
    assert model.cell() == (12, 5) and model.output_shape() == (30, 30)


def test_presets_are_named_and_bad_settings_refused(images):
    model = ConvolutionModel(images)
    model.set(kernel=PRESETS["Sobel y"].tolist())
    assert model.preset == "Sobel y"
    for bad in ({"stride": 4}, {"padding": 3}, {"kernel": np.ones((2, 2))}, {"kernel": "emboss"},
                {"index": 3}, {"position": 26 * 26}):
        with pytest.raises(ValueError):
            model.set(**bad)


def test_grey_images_from_uint8_channels_and_tensors():
    import torch

    stack = np.full((2, 5, 5), 255, dtype=np.uint8)
    assert as_grey_images(stack).max() == 1.0
    assert as_grey_images(torch.ones(3, 1, 5, 5)).shape == (3, 5, 5)
    assert as_grey_images(np.zeros((5, 5))).shape == (1, 5, 5)
    with pytest.raises(ValueError):
        as_grey_images(np.zeros(5))


def test_without_the_sample_it_uses_synthetic_shapes(monkeypatch, tmp_path):
    monkeypatch.setenv(fm.SAMPLE_ENV, str(tmp_path / "absent"))
    model = ConvolutionModel()
    assert model.images.shape == (3, 28, 28) and model.labels is None and "synthetic" in model.source


def test_default_images_are_the_fashion_mnist_sample():
    folder = fm.default_sample_dir()
    if not folder.is_dir():
        pytest.skip(f"Fashion-MNIST sample folder {folder} is absent (set {fm.SAMPLE_ENV})")
    model = ConvolutionModel()
    assert model.images.shape == (200, 28, 28) and 0 <= model.images.min() and model.images.max() <= 1
    assert model.label().split(": ")[1] in fm.CLASSES


def test_student_conv2d_is_compared_with_torch(images):
    calls = []

    def student(x, w, b, stride=1, padding=0):
        calls.append((x.shape, w.shape, b.shape, stride, padding))
        return torch_conv2d(x, w, b, stride, padding)

    model = ConvolutionModel(images, kernel="Sobel x", stride=2, padding=1, conv2d_naive=student)
    assert model.student_check().startswith("conv2d_naive() matches")
    assert calls == [((1, 1, 28, 28), (1, 1, 3, 3), (1,), 2, 1)]
    model.set(position=7)
    model.student_check()
    assert len(calls) == 1  # moving the window does not run it again

    model.conv2d_naive = lambda x, w, b, stride=1, padding=0: torch_conv2d(x, w, b, stride, 0)
    model.set(kernel="sharpen")
    assert "shape (1, 1, 13, 13); torch's conv2d gives (1, 1, 14, 14)" in model.student_check()
    model.conv2d_naive = lambda x, w, b, stride=1, padding=0: torch_conv2d(x, w, b, stride, padding) + 0.5
    model.set(kernel="identity")
    assert "differs" in model.student_check() and "0.5" in model.student_check()


def test_unfinished_or_crashing_student_functions_give_messages(images):
    from dlcourse.viz.binding import late_bound

    namespace = {}
    model = ConvolutionModel(images, conv2d_naive=late_bound(namespace, "conv2d_naive"))
    assert "not written yet" in model.student_check()

    def stub(x, w, b, stride=1, padding=0):
        raise NotImplementedError

    namespace["conv2d_naive"] = stub
    model.set(kernel="sharpen")
    assert "not written yet" in model.student_check()
    namespace["conv2d_naive"] = lambda x, w, b, stride=1, padding=0: 1 / 0
    model.set(kernel="identity")
    assert "raised ZeroDivisionError" in model.student_check()
    namespace["conv2d_naive"] = torch_conv2d
    model.set(stride=3)
    assert "matches" in model.student_check()


def test_view_follows_presets_kernel_edits_and_window(images, monkeypatch):
    explorer = ConvolutionExplorer(images, conv2d_naive=torch_conv2d)
    explorer.fig.canvas.draw()  # the browser's first request: later changes are blitted
    full_draws = []
    monkeypatch.setattr(explorer.fig.canvas, "draw_idle", lambda: full_draws.append(True))
    before = explorer.output_image.get_array().copy()
    explorer.preset_menu.value = "Sobel x"
    assert not np.allclose(explorer.output_image.get_array(), before)
    assert [box.value for box in explorer.kernel_boxes] == PRESETS["Sobel x"].ravel().tolist()
    assert "Sobel x" in explorer.readout.value and "matches" in explorer.readout.value
    explorer.kernel_boxes[4].value = 1.0
    assert explorer.preset_menu.value == CUSTOM and explorer.model.kernel[1, 1] == 1.0
    explorer.position_slider.value = 2 * 26 + 3
    assert explorer.window_box.get_xy() == (2.5, 1.5)
    assert explorer.cell_boxes[0].get_xy() == pytest.approx((3 / 26, 2 / 26))
    assert "(row 2, column 3)" in explorer.readout.value
    assert not full_draws


def test_view_stride_and_padding_resize_the_position_slider(images):
    explorer = ConvolutionExplorer(images, position=26 * 26 - 1)
    explorer.stride_slider.value = 3
    assert explorer.position_slider.max == 80 and explorer.model.cell() == (8, 8)
    assert explorer.position_slider.value == 80 and explorer.play.max == 80
    explorer.padding_slider.value = 2
    assert explorer.input_image.get_extent() == [-2.5, 29.5, 29.5, -2.5]
    assert explorer.ax_out.get_title() == "conv output 10×10"
    explorer.set(index=1, kernel="blur (box)", stride=1, padding=0, position=0)
    assert explorer.image_slider.value == 1 and explorer.position_slider.max == 26 * 26 - 1


def test_no_widgets_under_grading(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert show_convolution(synthetic_images()) is None


def test_a_saved_setup_restores_the_same_picture(images):
    def change(explorer):
        change_every_control(explorer)
        explorer.kernel_boxes[0].value = 0.5  # a custom kernel: its numbers are in the setup

    setup = assert_setup_round_trips(lambda: ConvolutionExplorer(images), change)
    assert setup == ("convolution?image=2&kernel=custom&stride=3&padding=2&position=3"
                     "&weights=0.5,0,0,0,1,0,0,0,0")
    assert_named_setups_restore(lambda: ConvolutionExplorer(images))
    explorer = ConvolutionExplorer(images)
    explorer.restore("kernel=Sobel x&weights=1,2,3,4,5,6,7,8,9")  # the numbers win over the menu
    assert explorer.preset_menu.value == CUSTOM and explorer.model.kernel.ravel().tolist() == list(range(1, 10))
    assert [box.value for box in explorer.kernel_boxes] == list(range(1, 10))
    with pytest.raises(ValueError, match="not 9 numbers"):
        explorer.restore("weights=1,2,3")
    assert explorer.model.kernel.ravel().tolist() == list(range(1, 10))


def test_a_named_setup_and_chosen_controls_when_shown(images, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    explorer = show_convolution(images, setup="stride 2 halves the output", controls=["position", "play"])
    assert (explorer.model.preset, explorer.model.stride, explorer.model.padding) == ("Sobel x", 2, 1)
    assert explorer.position_slider.max == 14 * 14 - 1 and explorer.ax_out.get_title() == "conv output 14×14"
    assert explorer.position_slider.layout.display is None and explorer.play.layout.display is None
    hidden = (explorer.image_slider, explorer.preset_menu, explorer.stride_slider, explorer.padding_slider,
              explorer.kernel_editor)
    assert all(control.layout.display == "none" for control in hidden)
