"""How long a student waits for "check my work" (autograder/check_my_work.py), per week.

For each assignment, a throw-away course is built; then the solution notebook is checked
`--repeat` times through `Checker.check`, exactly what the hub service calls: the first check
also prepares the assignment (its release and gradebook, once per service), the others are what
every later student waits. Medians are printed; the load average first, since other work on the
machine slows everything.

    python benchmarks/check_speed.py [--assignments a01_models_and_loss a08_cnn_fashion_mnist] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import nbformat  # noqa: E402

from autograder.check_my_work import Checker  # noqa: E402
from grading_class import make_course, solution  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assignments", nargs="*", default=["a01_models_and_loss", "a08_cnn_fashion_mnist"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    print(f"{'assignment':<32} {'first check (prepares)':>24} {'later checks, median':>22}")
    for assignment_id in args.assignments:
        with tempfile.TemporaryDirectory(prefix="check-speed-") as scratch:
            course = make_course(Path(scratch) / "course", assignment_id)
            checker = Checker(course, per_day=args.repeat + 1, workdir=Path(scratch) / "work")
            body = nbformat.writes(solution(course, assignment_id)).encode()
            seconds = []
            for _ in range(args.repeat + 1):
                start = time.perf_counter()
                reply = checker.check("bench", assignment_id, body)
                seconds.append(time.perf_counter() - start)
                assert all(e["passed"] for e in reply["exercises"]), reply
            print(f"{assignment_id:<32} {seconds[0]:>22.1f} s {statistics.median(seconds[1:]):>20.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
