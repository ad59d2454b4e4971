"""Stores layer l's gradients under W{l-1}, b{l-1} (numbered from 0).

Student: This is what comes out when the gradients are stored under layer numbers starting at 0.
"""
def mlp_backward(dscores, caches):
    grads, d = {}, dscores
    for l in range(len(caches) - 1, -1, -1):
        linear_cache, activation, act_cache = caches[l]
        if activation == "relu":
            d = relu_backward(d, act_cache)
        elif activation == "sigmoid":
            d = sigmoid_backward(d, act_cache)
        d, grads[f"W{l}"], grads[f"b{l}"] = linear_backward(d, linear_cache)
    return grads
