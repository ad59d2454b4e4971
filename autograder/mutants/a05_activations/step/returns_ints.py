"""Returns an integer array, not float64.

Student: This matches a version that returns the integers 0 and 1 instead of floats.
"""
def step(z):
    return (z > 0).astype(int)
