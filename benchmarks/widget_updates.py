"""Kernel-side cost of one control change in each visualiser, from the event to the PNG sent.

What the kernel does when a student drags a slider: the observer runs (model update, artists
changed in place), then the view redraws: a blit of the moving artists (or a full Agg draw when
axes change), after which ipympl encodes the changed pixels as PNG and sends them, all inside
the same call. This script times that call with the real ipympl canvas (no browser attached),
200 changes per control, and prints the median and the 95th percentile.
Goal: p95 <= 50 ms per change.

    python benchmarks/widget_updates.py
"""

from __future__ import annotations

import statistics
import time

import numpy as np


def percentile(values, q) -> float:
    return float(np.percentile(np.array(values), q))


def time_changes(name: str, fig, change, n: int = 200) -> None:
    """Time `change(i)` for i < n: the whole kernel-side work of one control change.

    No browser is attached, so this plays its part: a full draw the view asks for with
    `draw_idle` (the browser would ask back at once) is done and counted in the same change.
    """
    canvas = fig.canvas
    asked = []
    canvas.draw_idle = lambda *args, **kwargs: asked.append(True)
    canvas.draw()  # the browser's first request when the view appears
    times = []
    for i in range(n):
        start = time.perf_counter()
        change(i)
        if asked:
            asked.clear()
            canvas.draw()
        times.append(1000 * (time.perf_counter() - start))
    print(f"{name:<38} median {statistics.median(times):6.1f} ms   p95 {percentile(times, 95):6.1f} ms   (n={n})")


def house_price() -> None:
    from dlcourse.viz.house_price import HousePriceExplorer

    explorer = HousePriceExplorer(
        predict=lambda X, w, b: X @ w + b,
        losses={"MAE": lambda y, p: float(np.mean(np.abs(y - p))),
                "MSE": lambda y, p: float(np.mean((y - p) ** 2))},
    )
    values = np.linspace(2.0, 4.0, 37)
    slider = explorer.sliders["w3"]
    time_changes("house price: w3 slider", explorer.fig,
                 lambda i: setattr(slider, "value", float(values[i % 37])))
    time_changes("house price: gradient descent button", explorer.fig, lambda i: explorer._on_descend(), n=20)


if __name__ == "__main__":
    house_price()
