"""Applies each layer's activation backward after its linear backward instead of before.

Student: This is what comes out when each activation's backward runs after the linear backward.
"""
def mlp_backward(dscores, caches):
    grads, d = {}, dscores
    for l in range(len(caches), 0, -1):
        linear_cache, activation, act_cache = caches[l - 1]
        d, grads[f"W{l}"], grads[f"b{l}"] = linear_backward(d, linear_cache)
        if activation == "relu":
            d = relu_backward(d, act_cache)
        elif activation == "sigmoid":
            d = sigmoid_backward(d, act_cache)
    return grads
