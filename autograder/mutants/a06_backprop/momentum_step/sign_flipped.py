"""Moves along +lr * v: the momentum step has the wrong sign.

Student: This is what comes out when the parameters move along the velocity, uphill.
"""
def momentum_step(params, grads, velocity, lr, beta=0.9):
    for k in params:
        velocity[k] = beta * velocity.get(k, 0.0) + grads[k]
        params[k] += lr * velocity[k]
