"""Computes v but never stores it in velocity: plain SGD every step.

Student: This is what comes out when the new velocity is never stored, so momentum never builds up.
"""
def momentum_step(params, grads, velocity, lr, beta=0.9):
    for k in params:
        v = beta * velocity.get(k, 0.0) + grads[k]
        params[k] -= lr * v
