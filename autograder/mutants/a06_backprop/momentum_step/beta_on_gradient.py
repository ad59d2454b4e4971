"""v = v + beta * g: beta multiplies the gradient instead of the old velocity.

Student: This is what comes out when beta multiplies the gradient instead of the old velocity.
"""
def momentum_step(params, grads, velocity, lr, beta=0.9):
    for k in params:
        velocity[k] = velocity.get(k, 0.0) + beta * grads[k]
        params[k] -= lr * velocity[k]
