"""Always uses relu_backward, even for sigmoid layers.

Student: This is what comes out when relu_backward is used for every hidden layer, even sigmoid.
"""
def mlp_backward(dscores, caches):
    grads, d = {}, dscores
    for l in range(len(caches), 0, -1):
        linear_cache, activation, act_cache = caches[l - 1]
        if activation is not None:
            d = relu_backward(d, act_cache)
        d, grads[f"W{l}"], grads[f"b{l}"] = linear_backward(d, linear_cache)
    return grads
