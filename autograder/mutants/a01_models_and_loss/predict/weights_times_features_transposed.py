"""Multiplies in the wrong order, w @ X (runs on the 3x3 houses, wrong numbers).

Student: This is what comes out when w is put in front of X in the product.
"""
def predict(X, w, b):
    return w @ X + b
