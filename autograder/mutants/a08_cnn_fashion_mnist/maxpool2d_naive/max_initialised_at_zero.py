"""Starts each running max at 0, so windows of negative values give 0.

Student: This is what comes out when each running maximum starts at 0, so negative windows give 0.
"""
def maxpool2d_naive(x, kernel=2, stride=2):
    N, C, H, W = x.shape
    H_out = (H - kernel) // stride + 1
    W_out = (W - kernel) // stride + 1
    out = np.zeros((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            for u in range(kernel):
                for v in range(kernel):
                    out[:, :, i, j] = np.maximum(out[:, :, i, j], x[:, :, i * stride + u, j * stride + v])
    return out
