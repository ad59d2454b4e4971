"""Rounds up (ceil) instead of down when the stride does not divide evenly.

Student: This is what comes out when the division by the stride is rounded up.
"""
import math
def conv_output_size(size, kernel, stride=1, padding=0):
    if size + 2 * padding < kernel:
        raise ValueError("kernel does not fit")
    return math.ceil((size + 2 * padding - kernel) / stride) + 1
