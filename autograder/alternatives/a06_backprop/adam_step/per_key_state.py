"""One state dict per parameter ({"t", "m", "u"} inside each), PyTorch style."""
def adam_step(params, grads, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    for k in params:
        s = state.setdefault(k, {"t": 0, "m": np.zeros_like(params[k]), "u": np.zeros_like(params[k])})
        s["t"] += 1
        s["m"] = beta1 * s["m"] + (1 - beta1) * grads[k]
        s["u"] = beta2 * s["u"] + (1 - beta2) * grads[k] * grads[k]
        m_hat = s["m"] / (1 - beta1 ** s["t"])
        u_hat = s["u"] / (1 - beta2 ** s["t"])
        params[k] = params[k] - lr * m_hat / (np.sqrt(u_hat) + eps)
