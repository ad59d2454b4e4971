"""One output entry at a time, with the output size from the student's own conv_output_size."""
def conv2d_naive(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    n_filters, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.zeros((N, n_filters, conv_output_size(H, KH, stride, padding), conv_output_size(W, KW, stride, padding)))
    for n in range(N):
        for f in range(n_filters):
            for i in range(out.shape[2]):
                for j in range(out.shape[3]):
                    window = xp[n, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
                    out[n, f, i, j] = np.sum(window * w[f]) + b[f]
    return out
