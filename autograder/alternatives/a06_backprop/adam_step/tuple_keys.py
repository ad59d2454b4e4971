"""Moments stored under tuple keys ("m", k) and ("u", k) in the one state dict."""
def adam_step(params, grads, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    t = state["t"] = state.get("t", 0) + 1
    for k, g in grads.items():
        state[("m", k)] = beta1 * state.get(("m", k), 0.0) + (1 - beta1) * g
        state[("u", k)] = beta2 * state.get(("u", k), 0.0) + (1 - beta2) * g ** 2
        step = lr * (state[("m", k)] / (1 - beta1 ** t)) / (np.sqrt(state[("u", k)] / (1 - beta2 ** t)) + eps)
        params[k] -= step
