"""np.einsum for the product and an explicit row axis on b."""
def linear_forward(X, W, b):
    return np.einsum("mn,nk->mk", X, W) + b[None, :], (X, W, b)
