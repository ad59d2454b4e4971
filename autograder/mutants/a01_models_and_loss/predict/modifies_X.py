"""Scales X in place before summing: right numbers, but the caller's X is destroyed."""
def predict(X, w, b):
    X *= w
    return X.sum(axis=1) + b
