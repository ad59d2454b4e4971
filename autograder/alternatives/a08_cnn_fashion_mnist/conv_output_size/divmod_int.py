"""Uses divmod and int(), raising before any arithmetic."""
def conv_output_size(size, kernel, stride=1, padding=0):
    span = int(size) + 2 * int(padding) - int(kernel)
    if span < 0:
        raise ValueError(f"kernel {kernel} larger than padded input {size + 2 * padding}")
    steps, _ = divmod(span, int(stride))
    return int(steps + 1)
