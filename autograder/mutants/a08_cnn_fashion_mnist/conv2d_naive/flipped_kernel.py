"""Computes a true convolution (kernel flipped in both axes) instead of cross-correlation as torch does.

Student: This is what comes out when the kernel is flipped first, as in a textbook convolution.
"""
def conv2d_naive(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    n_filters, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    wf = w[:, :, ::-1, ::-1]
    H_out = (H + 2 * padding - KH) // stride + 1
    W_out = (W + 2 * padding - KW) // stride + 1
    out = np.zeros((N, n_filters, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            patch = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
            out[:, :, i, j] = np.tensordot(patch, wf, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
