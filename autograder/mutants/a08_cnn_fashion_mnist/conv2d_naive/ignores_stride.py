"""Ignores the stride: slides the window one pixel at a time (and sizes the output for stride 1).

Student: This is what comes out when the window slides one pixel at a time, whatever the stride.
"""
def conv2d_naive(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    n_filters, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = H + 2 * padding - KH + 1
    W_out = W + 2 * padding - KW + 1
    out = np.zeros((N, n_filters, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            patch = xp[:, :, i:i + KH, j:j + KW]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
