"""Ignores the stride: the output size for stride 1 every time.

Student: This is what comes out when the stride is left out of the output size.
"""
def conv_output_size(size, kernel, stride=1, padding=0):
    if size + 2 * padding < kernel:
        raise ValueError("kernel does not fit")
    return size + 2 * padding - kernel + 1
