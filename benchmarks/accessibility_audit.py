"""The accessibility audit, one row per visualiser, over its start and every named setup.

    .venv/bin/python benchmarks/accessibility_audit.py

Columns: the setup's controls and named setups; the words of the figure's text alternative; the
lowest WCAG contrast of any text in the figure (AA: 4.5, large text 3); the smallest colour
difference ΔE, under protanopia, deuteranopia or tritanopia, between two series in one plot that
differ by colour alone (at least 15 passes); the presenter-size scale and where the controls go;
the median height of the figure's text, at notebook and at presenter size.
Keyboard use and the live readouts are checked in Chromium by tests/test_demo_apps.py. If that
test's screenshots are there (tests/artifacts/voila/), each is also written as the three
deficiencies see it (tests/artifacts/voila/cvd/), to look at.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

from explorer_checks import median_text_px  # noqa: E402 (tests/ is on the path only now)


def worst_series_distance(fig) -> float | None:
    """The smallest worst-case ΔE between same-looking series of one axes, None if there are none."""
    from dlcourse.viz import palette

    worst = None
    for ax in fig.axes:
        series = palette._series(ax)
        for i, (_, a, look_a) in enumerate(series):
            for _, b, look_b in series[i + 1:]:
                if look_a == look_b and palette.distance(a, b) >= 2 * palette.SAME_LOOK_DELTA_E:
                    value = palette.worst_distance(a, b)[0]
                    worst = value if worst is None else min(worst, value)
    return worst


def audit_row(name: str, build) -> str:
    from dlcourse.viz import palette

    explorer = build()
    lowest, worst = float("inf"), None
    for setup in [None, *explorer.SETUPS]:
        if setup:
            explorer.restore(setup)
        ratios = [ratio / needed * palette.AA_TEXT for _, ratio, needed in palette.text_contrasts(explorer.fig)]
        lowest = min(lowest, *ratios)
        pair = worst_series_distance(explorer.fig)
        worst = pair if worst is None or (pair is not None and pair < worst) else worst
    explorer = build()
    before = explorer.fig.get_size_inches()[0] * explorer.fig.get_dpi()
    text_before = median_text_px(explorer)
    explorer.set_presenter(True)
    scale = explorer.fig.get_size_inches()[0] * explorer.fig.get_dpi() / before
    text = median_text_px(explorer)
    worst_text = "none" if worst is None else f"{worst:.0f}"
    return (f"| {name} | {len(explorer._state)} | {len(explorer.SETUPS)} | {len(explorer.description.split())} "
            f"| {lowest:.1f} | {worst_text} | ×{scale:.2f}, {explorer._presenter_side} "
            f"| {text_before:.0f} → {text:.0f} px |")


def simulate_screenshots() -> int:
    import matplotlib.image as mpimg

    from dlcourse.viz import palette

    shots = sorted((REPO / "tests" / "artifacts" / "voila").glob("*.png"))
    out = REPO / "tests" / "artifacts" / "voila" / "cvd"
    for shot in shots:
        pixels = mpimg.imread(shot)[..., :3]
        out.mkdir(parents=True, exist_ok=True)
        for kind in palette.DEFICIENCIES:
            mpimg.imsave(out / f"{shot.stem}_{kind}.png", palette.simulate(pixels, kind))
    return len(shots)


def main() -> None:
    from explorer_builds import BUILDS

    print("| visualiser | controls in a setup | named setups | text alternative (words) "
          "| lowest text contrast (AA 4.5) | worst ΔE, colour-only series (≥ 15) | presenter size "
          "| figure text, median |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, build in BUILDS.items():
        print(audit_row(name, build), flush=True)
    n = simulate_screenshots()
    print(f"\n{n} screenshots written as protanopia, deuteranopia and tritanopia see them." if n else
          "\nNo screenshots to simulate: run tests/test_demo_apps.py first.")


if __name__ == "__main__":
    main()
