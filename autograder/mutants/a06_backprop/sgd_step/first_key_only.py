"""Returns inside the loop: only the first parameter is updated."""
def sgd_step(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]
        return
