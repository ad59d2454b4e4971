"""v = beta * v + (1 - beta) * g: the dampened (EMA) form, not PyTorch's.

Student: This is what comes out when the velocity is kept as a damped moving average of gradients.
"""
def momentum_step(params, grads, velocity, lr, beta=0.9):
    for k in params:
        velocity[k] = beta * velocity.get(k, 0.0) + (1 - beta) * grads[k]
        params[k] -= lr * velocity[k]
