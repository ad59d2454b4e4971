"""Correct answers to week 6's exercises, as a student would write them (tests only).

The library holds no solution of a graded exercise, so the tests of the week-6 visualisers (the
backprop stepper, the optimizer race, the playground's "your numpy MLP" engine) and the
benchmarks take the student's side from here.
"""

import numpy as np


def linear_forward(X, W, b):
    return X @ W + b, (X, W, b)


def linear_backward(dout, cache):
    X, W, b = cache
    return dout @ W.T, X.T @ dout, dout.sum(axis=0)


def sigmoid_forward(z):
    out = 1 / (1 + np.exp(-z))
    return out, out


def sigmoid_backward(dout, cache):
    return dout * cache * (1 - cache)


def half_squared_error(y_pred, y):
    m = y_pred.shape[0]
    return 0.5 * np.sum((y_pred - y) ** 2) / m, (y_pred - y) / m


def softmax_cross_entropy(logits, y):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    m = len(y)
    dlogits = np.exp(log_p)
    dlogits[np.arange(m), y] -= 1.0
    return -log_p[np.arange(m), y].mean(), dlogits / m


def init_mlp(layer_sizes, seed):
    rng = np.random.default_rng(seed)
    params = {}
    for layer, (n_in, n_out) in enumerate(zip(layer_sizes[:-1], layer_sizes[1:]), start=1):
        params[f"W{layer}"] = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
        params[f"b{layer}"] = np.zeros(n_out)
    return params


def mlp_forward(X, params, activation):
    n_layers = len(params) // 2
    caches, h = [], X
    for layer in range(1, n_layers + 1):
        W, b = params[f"W{layer}"], params[f"b{layer}"]
        z = h @ W + b
        if layer == n_layers:
            caches.append(((h, W, b), None, None))
            return z, caches
        a = np.maximum(z, 0.0) if activation == "relu" else 1.0 / (1.0 + np.exp(-z))
        caches.append(((h, W, b), activation, z if activation == "relu" else a))
        h = a


def mlp_backward(dscores, caches):
    grads, d = {}, dscores
    for layer in reversed(range(len(caches))):
        (h, W, _), activation, cache = caches[layer]
        if activation == "relu":
            d = d * (cache > 0)
        elif activation == "sigmoid":
            d = d * cache * (1.0 - cache)
        grads[f"W{layer + 1}"] = h.T @ d
        grads[f"b{layer + 1}"] = d.sum(axis=0)
        d = d @ W.T
    return grads


def sgd_step(params, grads, lr):
    for key in params:
        params[key] -= lr * grads[key]


def momentum_step(params, grads, velocity, lr, beta=0.9):
    for key in params:
        velocity[key] = beta * velocity.get(key, 0.0) + grads[key]
        params[key] -= lr * velocity[key]


def rmsprop_step(params, grads, cache, lr, rho=0.9, eps=1e-8):
    for key in params:
        cache[key] = rho * cache.get(key, 0.0) + (1 - rho) * grads[key] ** 2
        params[key] -= lr * grads[key] / (np.sqrt(cache[key]) + eps)


def adam_step(params, grads, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    state["t"] = state.get("t", 0) + 1
    t = state["t"]
    for key in params:
        m = state[("m", key)] = beta1 * state.get(("m", key), 0.0) + (1 - beta1) * grads[key]
        v = state[("v", key)] = beta2 * state.get(("v", key), 0.0) + (1 - beta2) * grads[key] ** 2
        params[key] -= lr * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)


LAYERS = {name: globals()[name] for name in
          ("linear_forward", "linear_backward", "sigmoid_forward", "sigmoid_backward", "half_squared_error")}
MLP = {name: globals()[name] for name in
       ("init_mlp", "mlp_forward", "softmax_cross_entropy", "half_squared_error", "mlp_backward",
        "sgd_step", "momentum_step", "rmsprop_step", "adam_step")}
OPTIMIZER_STEPS = {"sgd": sgd_step, "momentum": momentum_step, "rmsprop": rmsprop_step, "adam": adam_step}
