"""Pads with np.pad(x, padding), which pads all four axes (batch and channels too), not just height and width.

Student: This is what comes out when all four axes are padded, batch and channels included.
"""
def conv2d_naive(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    n_filters, _, KH, KW = w.shape
    xp = np.pad(x, padding)
    H_out = (H + 2 * padding - KH) // stride + 1
    W_out = (W + 2 * padding - KW) // stride + 1
    out = np.zeros((N, n_filters, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            patch = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
