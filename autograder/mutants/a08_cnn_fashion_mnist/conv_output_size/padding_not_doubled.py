"""Adds the padding once instead of on both sides (size + padding - kernel).

Student: This is what comes out when the padding is added on one side only.
"""
def conv_output_size(size, kernel, stride=1, padding=0):
    if size + padding < kernel:
        raise ValueError("kernel does not fit")
    return (size + padding - kernel) // stride + 1
