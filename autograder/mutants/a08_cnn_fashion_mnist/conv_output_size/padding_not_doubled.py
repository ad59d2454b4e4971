"""Adds the padding once instead of on both sides (size + padding - kernel)."""
def conv_output_size(size, kernel, stride=1, padding=0):
    if size + padding < kernel:
        raise ValueError("kernel does not fit")
    return (size + padding - kernel) // stride + 1
