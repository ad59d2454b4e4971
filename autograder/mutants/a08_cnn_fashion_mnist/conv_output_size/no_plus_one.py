"""Forgets the + 1: counts the steps between positions, not the positions (28, 3, 1, 1 gives 27).

Student: This is what comes out when the result counts the steps between window positions.
"""
def conv_output_size(size, kernel, stride=1, padding=0):
    if size + 2 * padding < kernel:
        raise ValueError("kernel does not fit")
    return (size + 2 * padding - kernel) // stride
