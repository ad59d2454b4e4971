"""Counts the window positions with a loop over start offsets instead of the formula."""
def conv_output_size(size, kernel, stride=1, padding=0):
    padded = size + 2 * padding
    if padded < kernel:
        raise ValueError("kernel does not fit")
    return len(range(0, padded - kernel + 1, stride))
