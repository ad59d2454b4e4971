"""misconceptions: what each catalogued mistake looks like to the tests, so messages can name it.

Every wrong answer in autograder/mutants/ has, besides its one-line description for instructors,
a `Student:` line in its docstring: a sentence a student reads (a nudge, not the fix). At build
time each mutant is run through its exercise's tests, and a fingerprint of every failed check's
result is kept (dlcourse.checks.fingerprint: a hash of the check's name and the rounded value):

    autograder/fingerprints/<id>.json   per mutant and alternative: did the visible test fail,
                                        did the hidden test fail, and the fingerprints of each;
                                        with a hash of everything they depend on. Instructor only.
    release/<id>/misconceptions.json    the visible tests' fingerprints -> student sentences, for
                                        dlcourse.checks in the student's kernel. No code, no
                                        solution, no expected value: a hash of a wrong result.

The judge loads both tables while grading, so a failed hidden test names the closest known
mistake too (its inputs and expected values never leave the worker).

How the mutants are run: one process executes the source notebook top to bottom under
NBGRADER_EXECUTION (the heavy demo cells short), and right after an exercise's answer cell it
forks, twice per mutant and alternative of that exercise (only fingerprints both runs give are
kept: a generator seeded from the OS gives none). The child redefines the exercise, runs the
cells up to the exercise's tests — the visible test as the release shows it (then the set-up its
hidden region holds), then the hidden test — records what failed, and exits. So a mutant sees
exactly the notebook state a student with that mistake would, and the notebook runs once per
week, not once per mutant.
"""

from __future__ import annotations

import hashlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograder import notebooks
from autograder.course import notebook_path
from autograder.feedback import strip_hidden_region

CATALOGUE = Path(__file__).parent
TABLES = CATALOGUE / "fingerprints"
CHILD_SECONDS = 120  # one mutant's tests; a hung one counts as caught, with no fingerprint
STUDENT_PREFIX = "Student:"


def student_line(path: Path) -> str | None:
    """The `Student:` sentence of a catalogue file's docstring, or None."""
    parts = path.read_text().split('"""')
    if len(parts) < 3:
        return None
    for line in parts[1].splitlines():
        if line.strip().startswith(STUDENT_PREFIX):
            return line.strip()[len(STUDENT_PREFIX):].strip()
    return None


def variants(assignment_id: str) -> list[dict]:
    """Every mutant and alternative of the assignment: {"id", "kind", "exercise", "path"}."""
    from autograder.verify import catalogue  # verify builds courses; build imports this module

    return [{"id": v.student_id, "kind": v.kind, "exercise": v.exercise, "path": str(v.path)}
            for kind in ("mutant", "alternative") for v in catalogue(assignment_id, kind)]


def inputs_hash(source: Path, assignment_id: str) -> str:
    """What the fingerprints depend on: the source notebook, the catalogue and the checks."""
    from dlcourse import checks

    digest = hashlib.sha256()
    files = [source, Path(checks.__file__), Path(__file__)] + [Path(v["path"]) for v in variants(assignment_id)]
    for path in files:
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def table_path(assignment_id: str) -> Path:
    return TABLES / f"{assignment_id}.json"


def load(assignment_id: str) -> dict | None:
    path = table_path(assignment_id)
    return json.loads(path.read_text()) if path.exists() else None


def is_current(course_root: Path, assignment_id: str) -> bool:
    table = load(assignment_id)
    source = notebook_path(course_root / "source", assignment_id)
    return table is not None and table.get("inputs") == inputs_hash(source, assignment_id)


def measure(course_root: Path, assignment_id: str, log=print) -> dict:
    """Run every mutant and alternative through its tests (see the module docstring); the table."""
    source = notebook_path(course_root / "source", assignment_id)
    with tempfile.TemporaryDirectory(prefix="fingerprints-") as scratch:
        spec = Path(scratch) / "spec.json"
        out = Path(scratch) / "results.json"
        work = Path(scratch) / "work"
        # The assignment's data files, beside a copy of the notebook's folder, as a student has it.
        shutil.copytree(source.parent, work, ignore=shutil.ignore_patterns("*.ipynb"))
        spec.write_text(json.dumps({"source": str(source), "variants": variants(assignment_id),
                                    "out": str(out)}))
        path = os.pathsep.join([str(CATALOGUE.parent)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
        env = dict(os.environ, NBGRADER_EXECUTION="autograde", MPLBACKEND="Agg", OMP_NUM_THREADS="1",
                   MKL_NUM_THREADS="1", PYTHONHASHSEED="0", PYTHONPATH=path)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "autograder.misconceptions", str(spec)], cwd=work, env=env,
                              capture_output=True, text=True)
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"running the catalogue of {assignment_id} failed:\n{done.stderr[-3000:]}")
        results = json.loads(out.read_text())
    log(f"ran {len(results)} mutants and alternatives of {assignment_id} in {time.perf_counter() - started:.0f} s")
    return {"assignment": assignment_id, "inputs": inputs_hash(source, assignment_id), "results": results}


def refresh(course_root: Path, assignment_id: str, log=print, save: bool = True) -> dict:
    """The assignment's fingerprint table, measured again if anything it depends on changed
    (and then saved in autograder/fingerprints/ when `save`)."""
    if is_current(course_root, assignment_id):
        return load(assignment_id)
    table = measure(course_root, assignment_id, log)
    if save:
        TABLES.mkdir(exist_ok=True)
        table_path(assignment_id).write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")
    return table


def judge_mistakes(assignment_id: str) -> dict[str, list[str]]:
    """Visible and hidden fingerprints -> sentences, for the judge (empty if there is no table)."""
    table = load(assignment_id)
    if table is None:
        return {}
    known = mistakes(table, "visible")
    for key, sentences in mistakes(table, "hidden").items():
        known.setdefault(key, []).extend(s for s in sentences if s not in known[key])
    return known


def mistakes(table: dict, which: str = "visible") -> dict[str, list[str]]:
    """fingerprint -> the student sentences of the mutants whose `which` test gave that result."""
    found: dict[str, list[str]] = {}
    for variant in variants(table["assignment"]):
        result = table["results"].get(variant["id"])
        if variant["kind"] != "mutant" or result is None:
            continue
        sentence = student_line(Path(variant["path"]))
        for key in result[f"{which}_keys"]:
            if sentence and sentence not in found.setdefault(key, []):
                found[key].append(sentence)
    return dict(sorted(found.items()))


def release_table(table: dict) -> dict:
    """What misconceptions.json in the release holds: visible fingerprints and sentences only."""
    return {"about": "Fingerprints of known wrong results of the visible tests, each with a sentence about "
                     "the mistake (dlcourse.checks reads this file; it holds no answer).",
            "mistakes": mistakes(table, "visible")}


def shares(table: dict) -> dict[str, float | int]:
    """Of the catalogued mutants: how many exist, what share the visible tests catch, what share
    they also name (a fingerprint), and the same for the hidden tests."""
    results = [r for v in variants(table["assignment"]) if v["kind"] == "mutant"
               for r in [table["results"].get(v["id"])] if r is not None]
    n = len(results) or 1
    visible_named = mistakes(table, "visible")
    hidden_named = mistakes(table, "hidden")
    return {
        "mutants": len(results),
        "visible_caught": sum(r["visible_failed"] for r in results) / n,
        "visible_named": sum(any(k in visible_named for k in r["visible_keys"]) for r in results) / n,
        "hidden_caught": sum(r["hidden_failed"] for r in results) / n,
        "hidden_named": sum(any(k in hidden_named for k in r["hidden_keys"]) for r in results) / n,
        "alternatives_told_a_mistake": sum(
            1 for v in variants(table["assignment"]) if v["kind"] == "alternative"
            and table["results"].get(v["id"], {}).get("visible_failed")),
    }


# ---- the runner (a child process: `python -m autograder.misconceptions SPEC.json`) ---------------

def _code(source: str) -> str:
    """A cell's Python, without IPython magics and shell lines (`%matplotlib inline`)."""
    return "\n".join(line for line in source.split("\n") if not line.lstrip().startswith(("%", "!")))


def _hidden_region(source: str) -> str:
    """The lines of a cell's hidden-test regions (the part strip_hidden_region removes)."""
    kept, inside = [], False
    for line in source.split("\n"):
        if "BEGIN HIDDEN TESTS" in line:
            inside = True
        elif "END HIDDEN TESTS" in line:
            inside = False
        elif inside:
            kept.append(line)
    return "\n".join(kept)


def _run_tests(cells, start: int, exercise: str, namespace: dict, checks) -> dict:
    """In a forked child: run cells from `start` until the exercise's tests have run."""
    result = {"visible_failed": False, "visible_keys": [], "hidden_failed": False, "hidden_keys": []}
    tests = {f"test_{exercise}": "visible", f"hidden_{exercise}": "hidden"}
    left = {gid for gid in tests if any(notebooks.grade_id(c) == gid for c in cells)}
    for cell in cells[start:]:
        if not left:
            break
        gid = notebooks.grade_id(cell)
        which = tests.get(gid or "")
        source = cell.source
        if which == "visible":
            source = strip_hidden_region(source)[0]  # the test as the release shows it
        checks._recording = []
        try:
            exec(compile(_code(source), f"<{gid or 'cell'}>", "exec"), namespace)
            failed = False
        except BaseException:  # noqa: BLE001 - whatever the mutant does counts as failing its test
            failed = True
        if which:
            result[f"{which}_failed"] = failed
            result[f"{which}_keys"] = list(checks._recording)
            left.discard(gid)
        checks._recording = None
        if which == "visible":  # what its hidden region sets up for the hidden test (references)
            try:
                exec(compile(_code(_hidden_region(cell.source)), f"<{gid}>", "exec"), namespace)
            except BaseException:  # noqa: BLE001 - then the hidden test fails, as it would when graded
                pass
    return result


def _fork_and_run(cells, start, exercise, namespace, code, checks) -> dict:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the mutant's world
        os.close(read)
        try:
            try:
                exec(compile(code, "<variant>", "exec"), namespace)
                result = _run_tests(cells, start, exercise, namespace, checks)
            except BaseException as error:  # noqa: BLE001 - a definition that fails to run
                result = {"visible_failed": True, "visible_keys": [], "hidden_failed": True, "hidden_keys": [],
                          "error": f"{type(error).__name__}: {error}"[:300]}
            os.write(write, json.dumps(result).encode())
        finally:
            os._exit(0)
    os.close(write)
    chunks, deadline = [], time.monotonic() + CHILD_SECONDS
    while time.monotonic() < deadline:
        ready, _, _ = select.select([read], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(read, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    try:
        return json.loads(b"".join(chunks))
    except ValueError:
        return {"visible_failed": True, "visible_keys": [], "hidden_failed": True, "hidden_keys": [],
                "error": f"no result within {CHILD_SECONDS} s"}


def _reproducible(first: dict, second: dict) -> dict:
    """Two runs of one variant: failed if either failed; only the fingerprints both runs gave."""
    result = dict(first)
    for which in ("visible", "hidden"):
        result[f"{which}_failed"] = first[f"{which}_failed"] or second[f"{which}_failed"]
        result[f"{which}_keys"] = [k for k in first[f"{which}_keys"] if k in second[f"{which}_keys"]]
    return result


def _main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    try:
        import torch

        torch.set_num_threads(1)  # forked children must not inherit a thread pool
    except ImportError:
        pass
    import numpy as np

    from dlcourse import checks

    checks.use_misconceptions({})  # measure what the tests say, not what an older table names
    # numpy's and torch's global generators start from the OS; seeded here, a mutant that ignores
    # its seed gives the same fingerprints in every build (they match a student's result only
    # where the notebook's own cells seeded the generator it uses).
    np.random.seed(0)
    if "torch" in sys.modules:
        sys.modules["torch"].manual_seed(0)
    nb = notebooks.read(Path(spec["source"]))
    cells = [c for c in nb.cells if c.cell_type == "code"]
    by_exercise: dict[str, list[dict]] = {}
    for variant in spec["variants"]:
        by_exercise.setdefault(variant["exercise"], []).append(variant)
    namespace: dict = {"__name__": "__main__"}
    results = {}
    for index, cell in enumerate(cells):
        try:
            exec(compile(_code(cell.source), f"<{notebooks.grade_id(cell) or 'cell'}>", "exec"), namespace)
        except Exception:  # noqa: BLE001 - a demo cell that needs a display; the tests still run
            pass
        exercise = notebooks.grade_id(cell) if notebooks.is_solution(cell) else None
        for variant in by_exercise.get(exercise or "", []):
            code = Path(variant["path"]).read_text()
            # Twice: a result that differs between runs (a generator seeded from the OS) has no fingerprint
            # a student could match, and would make the table change with every build.
            first, second = (_fork_and_run(cells, index + 1, exercise, namespace, code, checks) for _ in range(2))
            results[variant["id"]] = _reproducible(first, second)
    Path(spec["out"]).write_text(json.dumps(results))


if __name__ == "__main__":
    _main(sys.argv[1])
