"""Scales X in place before summing: right numbers, but the caller's X is destroyed.

Student: This matches a version that gets the right predictions but overwrites the caller's X.
"""
def predict(X, w, b):
    X *= w
    return X.sum(axis=1) + b
