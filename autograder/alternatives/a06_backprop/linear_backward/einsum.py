"""np.einsum for all three gradients."""
def linear_backward(dout, cache):
    X, W, b = cache
    return np.einsum("mk,nk->mn", dout, W), np.einsum("mn,mk->nk", X, dout), np.einsum("mk->k", dout)
