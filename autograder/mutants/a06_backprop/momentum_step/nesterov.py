"""Nesterov's look-ahead step g + beta * v instead of plain momentum.

Student: This is what comes out when Nesterov's look-ahead step is taken instead of plain momentum.
"""
def momentum_step(params, grads, velocity, lr, beta=0.9):
    for k in params:
        velocity[k] = beta * velocity.get(k, 0.0) + grads[k]
        params[k] -= lr * (grads[k] + beta * velocity[k])
