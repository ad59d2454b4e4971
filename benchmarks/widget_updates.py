"""Kernel-side cost of one control change in each visualiser: model update + artists + render.

What the kernel does when a student drags a slider: the observer runs (model update, artists
changed in place), then ipympl renders the figure with Agg and ships the image. This script
times both parts with an off-screen canvas, 200 changes per visualiser, and prints the median
and the 95th percentile. Goal: p95 <= 50 ms per change.

    python benchmarks/widget_updates.py
"""

from __future__ import annotations

import statistics
import time

import numpy as np


def percentile(values, q):
    return float(np.percentile(np.array(values), q))


def time_changes(name: str, change, render, n: int = 200) -> None:
    update_ms, total_ms = [], []
    for i in range(n):
        start = time.perf_counter()
        change(i)
        middle = time.perf_counter()
        render()
        end = time.perf_counter()
        update_ms.append(1000 * (middle - start))
        total_ms.append(1000 * (end - start))
    print(f"{name:<28} update median {statistics.median(update_ms):6.2f} ms  p95 {percentile(update_ms, 95):6.2f} ms"
          f"   update+render median {statistics.median(total_ms):6.2f} ms  p95 {percentile(total_ms, 95):6.2f} ms")


def house_price() -> None:
    from dlcourse.viz.house_price import HousePriceExplorer

    explorer = HousePriceExplorer(
        predict=lambda X, w, b: X @ w + b,
        losses={"MAE": lambda y, p: float(np.mean(np.abs(y - p))),
                "MSE": lambda y, p: float(np.mean((y - p) ** 2))},
    )
    values = np.linspace(2.0, 4.0, 37)
    slider = explorer.sliders["w3"]
    time_changes("house price: w3 slider", lambda i: setattr(slider, "value", float(values[i % 37])),
                 explorer.fig.canvas.draw)
    time_changes("house price: descent x100", lambda i: explorer._on_descend(), explorer.fig.canvas.draw, n=20)


if __name__ == "__main__":
    house_price()
