"""Puts eps inside the square root: sqrt(u_hat + eps).

Student: This is what comes out when eps is put inside the square root.
"""
def adam_step(params, grads, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    state["t"] = state.get("t", 0) + 1
    t = state["t"]
    m, u = state.setdefault("m", {}), state.setdefault("u", {})
    for k in params:
        m[k] = beta1 * m.get(k, 0.0) + (1 - beta1) * grads[k]
        u[k] = beta2 * u.get(k, 0.0) + (1 - beta2) * grads[k] ** 2
        params[k] -= lr * (m[k] / (1 - beta1 ** t)) / np.sqrt(u[k] / (1 - beta2 ** t) + eps)
