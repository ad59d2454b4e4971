"""Builds the im2col matrix of all patches, then one matrix product with the flattened filters."""
def conv2d_naive(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    n_filters, _, KH, KW = w.shape
    xp = np.pad(np.asarray(x, dtype=np.float64), ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = (H + 2 * padding - KH) // stride + 1
    W_out = (W + 2 * padding - KW) // stride + 1
    cols = np.empty((N, H_out, W_out, C * KH * KW))
    for i in range(H_out):
        for j in range(W_out):
            cols[:, i, j, :] = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW].reshape(N, -1)
    out = cols @ w.reshape(n_filters, -1).T + b          # (N, H_out, W_out, F)
    return np.ascontiguousarray(out.transpose(0, 3, 1, 2))
