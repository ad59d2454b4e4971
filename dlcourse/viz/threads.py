"""One PyTorch thread for the visualisers' small computations."""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def one_torch_thread():
    """Run PyTorch on one thread inside, restoring the setting after.

    Explorers compute on one image or a tiny network: threads only add hand-over costs, and on a
    busy two-core machine (shared with the notebook server and the browser) torch's thread pool
    made one small conv2d thousands of times slower (60 ms instead of 0.01 ms) and the
    playground's grid forward pass about eight times slower.
    """
    import torch

    previous = torch.get_num_threads()
    if previous != 1:
        torch.set_num_threads(1)
    try:
        yield
    finally:
        if previous != 1:
            torch.set_num_threads(previous)
