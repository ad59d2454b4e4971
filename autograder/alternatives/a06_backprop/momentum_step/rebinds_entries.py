"""Zeros for a missing velocity via `in`, and params[k] rebound to a new array."""
def momentum_step(params, grads, velocity, lr, beta=0.9):
    for k in params:
        if k not in velocity:
            velocity[k] = np.zeros_like(grads[k])
        velocity[k] = beta * velocity[k] + grads[k]
        params[k] = params[k] - lr * velocity[k]
