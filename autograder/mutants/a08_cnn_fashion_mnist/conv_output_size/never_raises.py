"""Never raises: returns 0 or a negative size when the kernel does not fit.

Student: This matches a version that returns a size even when the kernel does not fit.
"""
def conv_output_size(size, kernel, stride=1, padding=0):
    return (size + 2 * padding - kernel) // stride + 1
