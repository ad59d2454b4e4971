"""Returns inside the loop: only the first parameter is updated.

Student: This is what comes out when the function returns after updating only the first parameter.
"""
def sgd_step(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]
        return
