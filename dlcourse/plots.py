"""Static figures the notebooks show once (no controls): built here, displayed there."""

from __future__ import annotations

from matplotlib.figure import Figure

# The lecture's estimate of where the time of a machine-learning project goes.
ML_PROCESS_SHARES = {
    "preprocessing": 50,
    "modelling": 30,
    "training and tuning": 20,
    "model code": 1,
}


def ml_process_time_chart() -> Figure:
    """Horizontal bars: the lecture's share of project time per stage (model code < 1%)."""
    fig = Figure(figsize=(6.0, 2.2))
    ax = fig.subplots()
    names = list(ML_PROCESS_SHARES)[::-1]
    shares = [ML_PROCESS_SHARES[n] for n in names]
    bars = ax.barh(names, shares, color=["tab:gray", "tab:green", "tab:blue", "tab:orange"])
    labels = ["< 1%" if n == "model code" else f"~{s}%" for n, s in zip(names, shares)]
    ax.bar_label(bars, labels=labels, padding=3)
    ax.set_xlim(0, 60)
    ax.set_xlabel("share of project time (%)")
    ax.set_title("Where the time of an ML project goes", fontsize=10)
    fig.subplots_adjust(left=0.3, right=0.97, bottom=0.25, top=0.85)
    return fig
