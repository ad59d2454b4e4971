"""The "v = beta * v - lr * g; p += v" convention: the same trajectory for a constant lr."""
def momentum_step(params, grads, velocity, lr, beta=0.9):
    for k in params:
        velocity[k] = beta * velocity.get(k, np.zeros_like(params[k])) - lr * grads[k]
        params[k] += velocity[k]
