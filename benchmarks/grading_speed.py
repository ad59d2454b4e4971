"""Speed of grading a class: plain serial `nbgrader autograde` against `autograder.grade` in parallel.

A synthetic class of N mixed submissions (tests/grading_class.py's `catalogue_class`: the
solution, the blank release, then the catalogued mutants and alternatives in turn) is built once
in a temporary folder; every run below grades its own fresh copy of that course (and gradebook).

  serial    `nbgrader autograde <assignment> --force`, the plain CLI in a subprocess: one
            submission after another, the course's kernel, no limits and no sandbox.
  parallel  `autograder.grade.grade(course, assignment, workers=W)`: W spawned workers, each
            with its own gradebook and a sandboxed kernel, the scan, feedback and the TA report,
            one writer merging into the course's gradebook. Goal: speed-up >= 1.8x on 2 cores.
  bare      a sample of the submitted notebooks run one at a time with nbclient alone
            (NBGRADER_EXECUTION=autograde, allow_errors like nbgrader, kernel start and shutdown
            included): the cost of just running a notebook. The submitted notebook holds no hidden
            tests, so this is a little less than what autograde executes.
  per submission  each StudentResult's `seconds` (one worker's whole time for one student:
            copying, autograde in the kernel, the gradebook, feedback) against the bare time for
            the same students. Goal: median <= 1.3x bare. With W workers sharing the cores the
            parallel figure includes contention; the sampled students are also graded with one worker, which
            shows the overhead without it (`--no-single-worker` skips that).

Both runs must give every grade cell exactly the same score (read from each gradebook); the
script says so and exits with status 1 if they do not. With `--repeat R` the serial and parallel
runs are repeated (alternately) and the medians are reported. Other work on the machine slows
everything: the load average is printed first.

    python benchmarks/grading_speed.py [--assignment a01_models_and_loss] [--students 40]
        [--workers W] [--bare-sample 8] [--repeat 1] [--no-single-worker] [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # grading_class: the synthetic class the grading tests use
# nbgrader shells out to `alembic`, and the course's python3 kernel runs `python`: this venv's first.
BIN = str(Path(sys.executable).parent)
os.environ["PATH"] = BIN + os.pathsep + os.environ.get("PATH", "")

A01 = "a01_models_and_loss"


def quiet(*_args, **_kwargs) -> None:
    pass


def build_class(folder: Path, assignment_id: str, size: int) -> tuple[Path, dict[str, str]]:
    """The pristine course with `size` submissions; returns it and student -> kind."""
    from grading_class import catalogue_class, make_course

    course = make_course(folder / "pristine", assignment_id)
    kinds = catalogue_class(course, assignment_id, size)
    return course, kinds


def fresh_copy(pristine: Path, target: Path, students: list[str] | None = None) -> Path:
    """A copy of the course as built (gradebook included); only `students`' submissions if given."""
    keep, submitted = set(students or ()), pristine / "submitted"

    def skip(directory, names):
        return [n for n in names if students is not None and Path(directory) == submitted and n not in keep]

    shutil.copytree(pristine, target, ignore=skip)
    return target


def scores_of(course: Path, assignment_id: str) -> dict[str, dict[str, tuple[float, float]]]:
    from autograder.course import load_config, nbgrader_api
    from autograder.verify import read_scores

    return read_scores(nbgrader_api(load_config(course)), assignment_id)


def run_serial(course: Path, assignment_id: str, step: str = "autograde") -> float:
    """Plain `nbgrader <step> --force` (autograde, generate_feedback) in the course folder; seconds."""
    env = dict(os.environ, PATH=BIN + os.pathsep + os.environ.get("PATH", ""))
    log = course.parent / f"{course.name}-nbgrader-{step}.log"
    start = time.perf_counter()
    with open(log, "w") as out:
        done = subprocess.run([str(Path(BIN) / "nbgrader"), step, assignment_id, "--force"],
                              cwd=course, env=env, stdout=out, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = "\n".join(log.read_text().splitlines()[-15:])
        print(f"  note: nbgrader autograde exited with {done.returncode} (some submission failed?); "
              f"last lines of {log}:\n{tail}")
    return seconds


def run_parallel(course: Path, assignment_id: str, workers: int | None, feedback: bool = True):
    from autograder.grade import grade

    start = time.perf_counter()
    report = grade(course, assignment_id, workers=workers, log=quiet, report=True, feedback=feedback)
    return time.perf_counter() - start, report


def run_bare(course: Path, assignment_id: str, students: list[str], scratch: Path) -> dict[str, float]:
    """Each student's submitted notebook executed alone with nbclient, one at a time; seconds."""
    import nbformat
    from nbclient import NotebookClient

    from autograder.course import notebook_path

    times = {}
    for student in students:
        folder = scratch / student
        shutil.copytree(course / "submitted" / student / assignment_id, folder)  # the notebook may write files
        nb = nbformat.read(str(folder / notebook_path(Path(), assignment_id).name), as_version=4)
        client = NotebookClient(nb, timeout=30, kernel_name="python3", allow_errors=True,
                                interrupt_on_timeout=True, resources={"metadata": {"path": str(folder)}})
        with mock.patch.dict(os.environ, NBGRADER_EXECUTION="autograde"):  # as nbgrader's autograde sets it
            start = time.perf_counter()
            client.execute(stderr=subprocess.DEVNULL)  # the kernel's own warnings
            times[student] = time.perf_counter() - start
    return times


def sample(students: list[str], k: int) -> list[str]:
    """`k` students spread evenly over the (sorted) class, so every kind of submission shows up."""
    if k >= len(students):
        return list(students)
    if k <= 1:
        return students[:k]
    return [students[round(i * (len(students) - 1) / (k - 1))] for i in range(k)]


def differences(reference: dict, other: dict) -> list[str]:
    out = []
    for student in sorted(set(reference) | set(other)):
        a, b = reference.get(student), other.get(student)
        if a is None or b is None:
            out.append(f"{student}: graded in only one gradebook")
            continue
        for cell in sorted(set(a) | set(b)):
            if a.get(cell) != b.get(cell):
                out.append(f"{student} {cell}: serial {a.get(cell)} vs parallel {b.get(cell)}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assignment", default=A01)
    parser.add_argument("--students", type=int, default=40, help="submissions in the class (N)")
    parser.add_argument("--workers", type=int, default=None,
                        help="grade()'s workers (default: its own, GRADE_WORKERS or CPUs + 1)")
    parser.add_argument("--bare-sample", type=int, default=8, help="submissions executed bare with nbclient")
    parser.add_argument("--repeat", type=int, default=1, help="serial and parallel runs each; medians reported")
    parser.add_argument("--no-single-worker", dest="also_single_worker", action="store_false",
                        help="skip grading the bare sample with workers=1 (per-submission time without contention)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary courses and print where")
    args = parser.parse_args()
    if args.students < 2:
        parser.error("--students must be at least 2 (the solution and the blank release come first)")

    from autograder.grade import grading_workers

    cores = os.cpu_count() or 1
    print(f"load average {os.getloadavg()[0]:.1f} on {cores} cores")
    scratch = Path(tempfile.mkdtemp(prefix="grading-speed-"))
    try:
        start = time.perf_counter()
        pristine, kinds = build_class(scratch, args.assignment, args.students)
        students = sorted(kinds)
        counts = {k: list(kinds.values()).count(k) for k in ("solution", "blank", "mutant", "alternative")}
        mix = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
        print(f"class: {args.assignment}, N={len(students)} ({mix}), built in {time.perf_counter() - start:.1f} s")

        serial_times, parallel_times, reports, mismatches = [], [], [], []
        serial_feedback_times, parallel_nofeedback_times = [], []
        reference = None
        for r in range(args.repeat):
            course = fresh_copy(pristine, scratch / f"serial-{r}")
            serial_times.append(run_serial(course, args.assignment))
            serial_scores = scores_of(course, args.assignment)
            reference = serial_scores if reference is None else reference
            print(f"  run {r + 1}: serial nbgrader autograde            {serial_times[-1]:7.1f} s")
            serial_feedback_times.append(run_serial(course, args.assignment, "generate_feedback"))
            print(f"  run {r + 1}: serial nbgrader generate_feedback    {serial_feedback_times[-1]:7.1f} s")
            course = fresh_copy(pristine, scratch / f"parallel-nofeedback-{r}")
            seconds, report = run_parallel(course, args.assignment, args.workers, feedback=False)
            parallel_nofeedback_times.append(seconds)
            print(f"  run {r + 1}: parallel grade, no feedback         {seconds:7.1f} s  ({report.workers} workers)")
            mismatches += differences(reference, scores_of(course, args.assignment))
            course = fresh_copy(pristine, scratch / f"parallel-{r}")
            seconds, report = run_parallel(course, args.assignment, args.workers)
            parallel_times.append(seconds)
            reports.append(report)
            print(f"  run {r + 1}: parallel grade, with feedback       {seconds:7.1f} s  ({report.workers} workers)")
            mismatches += differences(reference, serial_scores)
            mismatches += differences(reference, scores_of(course, args.assignment))
            not_graded = [f"{x.student_id} ({x.status}: {x.message})"
                          for x in report.results if x.status != "graded"]
            if not_graded:
                print(f"  note: not graded by the parallel run: {'; '.join(not_graded)}")

        picked = sample(students, args.bare_sample)
        bare = run_bare(pristine, args.assignment, picked, scratch / "bare") if picked else {}
        single = None
        if args.also_single_worker and picked:
            course = fresh_copy(pristine, scratch / "single", students=picked)
            _, single = run_parallel(course, args.assignment, 1)

        per_student = {s: [] for s in students}
        for report in reports:
            for result in report.results:
                per_student[result.student_id].append(result.seconds)
        per_sub = {s: statistics.median(v) for s, v in per_student.items() if v}
        serial_med, parallel_med = statistics.median(serial_times), statistics.median(parallel_times)
        bare_med = statistics.median(bare.values()) if bare else float("nan")
        sample_med = statistics.median(per_sub[s] for s in picked) if picked else float("nan")

        workers = reports[0].workers
        print()
        print(f"{'machine cores':<44} {cores}")
        print(f"{'submissions (N)':<44} {len(students)}")
        print(f"{'workers':<44} {workers}" + ("  (grade()'s default)" if args.workers is None else "")
              + (f"  [default would be {grading_workers()}]" if args.workers is not None else ""))
        print(f"{'sandbox':<44} {reports[0].sandbox}")
        print(f"{'repeats':<44} {args.repeat}")
        serial_fb_med = statistics.median(serial_feedback_times)
        parallel_nofb_med = statistics.median(parallel_nofeedback_times)
        for label, seconds in (("serial nbgrader autograde", serial_med),
                               ("serial nbgrader generate_feedback", serial_fb_med),
                               ("parallel grade, no feedback", parallel_nofb_med),
                               ("parallel grade, with feedback", parallel_med)):
            print(f"{label + ', median':<44} {seconds:7.1f} s   ({seconds / len(students):5.2f} s per submission)")
        print(f"{'speed-up: autograde / grade --no-feedback':<44} {serial_med / parallel_nofb_med:7.2f}x  "
              "(goal >= 1.8x on 2 cores)")
        print(f"{'speed-up: autograde+feedback / grade':<44} "
              f"{(serial_med + serial_fb_med) / parallel_med:7.2f}x  (the same work on both sides)")
        print(f"{'speed-up: autograde / grade (with feedback)':<44} {serial_med / parallel_med:7.2f}x  "
              "(grade does more)")
        print()
        print(f"per submission, the {len(picked)} sampled students ({', '.join(picked)}):")
        print(f"  {'bare nbclient execution, median':<44} {bare_med:7.2f} s")
        if single is not None:
            single_med = statistics.median(x.seconds for x in single.results)
            print(f"  {'grade with 1 worker (no contention), median':<44} {single_med:7.2f} s   "
                  f"ratio {single_med / bare_med:5.2f}x bare  (goal <= 1.3x)")
        print(f"  {f'parallel grade, {workers} workers sharing {cores} cores':<44} {sample_med:7.2f} s   "
              f"ratio {sample_med / bare_med:5.2f}x bare  (contention, not overhead)")
        print(f"  {'parallel grade, whole class, median':<44} {statistics.median(per_sub.values()):7.2f} s")
        print(f"  {'parallel wall time / N':<44} {parallel_med / len(students):7.2f} s   "
              f"ratio {parallel_med / len(students) / bare_med:5.2f}x bare")
        print()
        graded = len(reference or {})
        if mismatches or graded != len(students):
            print(f"scores identical: no ({graded} of {len(students)} students in the serial gradebook)")
            for line in mismatches[:20]:
                print(f"  {line}")
            if len(mismatches) > 20:
                print(f"  ... and {len(mismatches) - 20} more")
            return 1
        cells = sum(len(v) for v in reference.values())
        print(f"scores identical: yes ({graded} students, {cells} grade cells, every run)")
        return 0
    finally:
        if args.keep:
            print(f"courses kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":  # grade() spawns its workers: they import this file without running it
    sys.exit(main())
