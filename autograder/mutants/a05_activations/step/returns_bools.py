"""Returns the boolean comparison itself, not float 0.0 / 1.0.

Student: This matches a version that returns the comparison's True/False values, not numbers.
"""
def step(z):
    return z > 0
