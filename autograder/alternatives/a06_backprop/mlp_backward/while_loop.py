"""A while loop counting l down from L, with `if activation is not None` dispatch."""
def mlp_backward(dscores, caches):
    grads = {}
    d = dscores
    l = len(caches)
    while l >= 1:
        linear_cache, activation, act_cache = caches[l - 1]
        if activation is not None:
            d = sigmoid_backward(d, act_cache) if activation == "sigmoid" else relu_backward(d, act_cache)
        d, grads[f"W{l}"], grads[f"b{l}"] = linear_backward(d, linear_cache)
        l -= 1
    return grads
