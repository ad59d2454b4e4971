"""np.subtract with out=: in place, over grads.items()."""
def sgd_step(params, grads, lr):
    for k, g in grads.items():
        np.subtract(params[k], lr * g, out=params[k])
