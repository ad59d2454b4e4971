"""params[k] = params[k] - lr * grads[k]: new arrays stored back in the dict."""
def sgd_step(params, grads, lr):
    for k in list(params):
        params[k] = params[k] - lr * grads[k]
