"""All windows with sliding_window_view, strided by slicing, then the max over the window axes."""
def maxpool2d_naive(x, kernel=2, stride=2):
    windows = np.lib.stride_tricks.sliding_window_view(x, (kernel, kernel), axis=(2, 3))[:, :, ::stride, ::stride]
    return windows.max(axis=(4, 5)).astype(np.float64)
