"""Discards dX: every layer gets d from the layer above's activation only, never passed down through W.

Student: This is what comes out when each layer's dX is thrown away instead of passed down.
"""
def mlp_backward(dscores, caches):
    grads, d = {}, dscores
    for l in range(len(caches), 0, -1):
        linear_cache, activation, act_cache = caches[l - 1]
        if activation == "relu":
            d = relu_backward(d, act_cache)
        elif activation == "sigmoid":
            d = sigmoid_backward(d, act_cache)
        _, grads[f"W{l}"], grads[f"b{l}"] = linear_backward(d, linear_cache)
    return grads
