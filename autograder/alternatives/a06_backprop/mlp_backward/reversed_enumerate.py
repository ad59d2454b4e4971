"""reversed(list(enumerate(caches, start=1))) and a dict of backward functions."""
def mlp_backward(dscores, caches):
    backward = {"relu": relu_backward, "sigmoid": sigmoid_backward}
    grads = {}
    d = dscores
    for l, (linear_cache, activation, act_cache) in reversed(list(enumerate(caches, start=1))):
        if activation in backward:
            d = backward[activation](d, act_cache)
        dX, dW, db = linear_backward(d, linear_cache)
        grads["W" + str(l)] = dW
        grads["b" + str(l)] = db
        d = dX
    return grads
