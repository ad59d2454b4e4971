"""Uses t = 0 at the first step (increments after the update): the bias correction divides by 0.

Student: This is what comes out when the first step uses t = 0, so bias correction divides by zero.
"""
def adam_step(params, grads, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    t = state.get("t", 0)
    m, u = state.setdefault("m", {}), state.setdefault("u", {})
    for k in params:
        m[k] = beta1 * m.get(k, 0.0) + (1 - beta1) * grads[k]
        u[k] = beta2 * u.get(k, 0.0) + (1 - beta2) * grads[k] ** 2
        m_hat = m[k] / (1 - beta1 ** t)
        u_hat = u[k] / (1 - beta2 ** t)
        params[k] -= lr * m_hat / (np.sqrt(u_hat) + eps)
    state["t"] = t + 1
