"""List what a TA may want to read in a submission: code that graded work never needs.

The grade cells are judged outside the student's kernel (autograder/judge), so nothing a
submission does in its kernel can change a verdict; this scan only informs. It reads the cells
the student wrote (never runs them) and reports line numbers, in two kinds:
- review: unusual but ordinary (importing os, `while True`, exit());
- tampering: code that would matter if the tests ran beside it (reassigning a module's
  attribute, rebinding a name the tests use, comparison dunders, reaching the interpreter or
  IPython, reading files). The report lists these first, as observations; nothing is held.
  (`held_exercises` still says which exercises such a cell could reach, for the report.)
"""

from __future__ import annotations

import ast

from autograder import notebooks
from autograder.results import Flag

SUSPICIOUS_MODULES = {"builtins", "os", "sys", "subprocess", "shutil", "pathlib", "glob", "importlib",
                      "ctypes", "inspect", "gc", "signal", "socket", "sqlite3", "pickle", "io"}
SUSPICIOUS_CALLS = {"exit", "quit", "open", "exec", "eval", "compile", "__import__", "setattr",
                    "delattr", "globals", "vars", "breakpoint", "input"}
PATCHABLE_ROOTS = {"np", "numpy", "math", "torch", "builtins", "checks", "dlcourse", "random", "nn", "F",
                   "optim", "sys", "os", "operator", "functools"}
# Names the tests rely on: rebinding one (`checks = FakeChecks()`) changes what the tests call.
TEST_NAMES = {"np", "numpy", "torch", "math", "checks", "dlcourse", "nn", "F", "builtins"}
TAMPERING_MODULES = {"builtins", "ctypes", "gc", "inspect", "importlib", "subprocess", "sqlite3", "pickle",
                     "shutil", "glob", "signal"}
# Calls by bare name (`open(...)`) and as a method (`os._exit(...)`, `path.read_text()`).
TAMPERING_CALLS = {"open", "exec", "eval", "compile", "__import__", "setattr", "delattr", "globals",
                   "vars", "get_ipython"}
TAMPERING_METHODS = {"settrace", "setprofile", "read_text", "read_bytes", "listdir", "scandir", "walk",
                     "_exit", "kill", "system", "popen", "open", "__import__"}
# What each name the tests use must be when a cell imports it.
CANONICAL_IMPORTS = {"np": "numpy", "numpy": "numpy", "torch": "torch", "math": "math", "nn": "torch.nn",
                     "F": "torch.nn.functional", "checks": "dlcourse.checks", "dlcourse": "dlcourse",
                     "builtins": "builtins"}
RIGGED_METHODS = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__abs__",
                  "__float__", "__bool__", "__array__", "__array_ufunc__", "__getattr__"}


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def scan_source(source: str, cell: str) -> list[Flag]:
    """Flags for one cell's code (IPython magics and shell lines are flagged, then skipped)."""
    flags, lines = [], []
    for number, line in enumerate(source.split("\n"), start=1):
        if line.lstrip().startswith(("%", "!")):
            flags.append(Flag(cell, number, f"IPython magic or shell command: {line.strip()[:60]}", True))
            lines.append("")
        else:
            lines.append(line)
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError as error:
        return flags + [Flag(cell, error.lineno or 0, f"syntax error: {error.msg}")]
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                if module.split(".")[0] in SUSPICIOUS_MODULES | TAMPERING_MODULES:
                    what = f"imports {module}" if isinstance(node, ast.Import) else f"imports from {module}"
                    flags.append(Flag(cell, line, what, module.split(".")[0] in TAMPERING_MODULES))
            for alias in node.names:
                if isinstance(node, ast.Import):
                    bound = alias.asname or alias.name.split(".")[0]
                    full = alias.name if alias.asname else bound
                else:
                    bound, full = alias.asname or alias.name, f"{node.module}.{alias.name}"
                if bound in CANONICAL_IMPORTS and CANONICAL_IMPORTS[bound] != full:
                    flags.append(Flag(cell, line, f"rebinds {bound}, a name the tests use, to {full}", True))
        elif isinstance(node, ast.Call):
            bare = isinstance(node.func, ast.Name)
            name = node.func.id if bare else (node.func.attr if isinstance(node.func, ast.Attribute) else None)
            tampering = name in (TAMPERING_CALLS if bare else TAMPERING_METHODS)
            if tampering or (name in SUSPICIOUS_CALLS if bare else name in ("exit", "quit")):
                flags.append(Flag(cell, line, f"calls {name}()", tampering))
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                for part in ast.walk(target):  # a, np.x = ... and (np.x, y) = ... too
                    if not isinstance(getattr(part, "ctx", None), (ast.Store, ast.Del)):
                        continue  # a[np.argmax(b)] = 1 stores into a, not np
                    if isinstance(part, (ast.Attribute, ast.Subscript)) and _root_name(part) in PATCHABLE_ROOTS:
                        flags.append(Flag(cell, line, f"reassigns {ast.unparse(part)}", True))
                        break
                    if isinstance(part, ast.Name) and part.id in TEST_NAMES:
                        flags.append(Flag(cell, line, f"rebinds {part.id}, a name the tests use", True))
                if isinstance(node, ast.Delete) and isinstance(target, ast.Name):
                    flags.append(Flag(cell, line, f"deletes {target.id}", True))
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in TEST_NAMES:
            flags.append(Flag(cell, line, f"rebinds {node.name}, a name the tests use", True))
        elif isinstance(node, ast.FunctionDef) and node.name in RIGGED_METHODS:
            flags.append(Flag(cell, line, f"defines {node.name} (a value that compares or converts itself)", True))
        elif isinstance(node, ast.Name) and node.id in ("__builtins__", "__loader__", "__spec__"):
            flags.append(Flag(cell, line, f"uses {node.id}", True))
        elif isinstance(node, ast.Attribute) and (
                node.attr in ("__class__", "__dict__", "__globals__", "__code__", "__subclasses__", "__bases__")
                or (node.attr == "modules" and _root_name(node) == "sys")):
            flags.append(Flag(cell, line, f"reaches {ast.unparse(node)[:60]}", True))
        elif isinstance(node, (ast.While,)) and isinstance(node.test, ast.Constant) and node.test.value:
            flags.append(Flag(cell, line, "while True loop (may not terminate)"))
    return flags


def scan_notebook(nb, release) -> list[Flag]:
    """Flags for every code cell the student wrote or changed (cells not identical to the release).

    Not only answer cells: a student can add cells, or strip a cell's nbgrader metadata.
    """
    return held_exercises(nb, release)[0]


def held_exercises(nb, release) -> tuple[list[Flag], list[str]]:
    """(flags, exercises to hold at 0): every exercise with a test cell after a tampering cell.

    nbgrader restores test cells from the gradebook, so a tampered test cell is harmless; the
    code that matters is what runs before a test. Cells are taken in the submitted order.
    """
    given = {cell.source for cell in release.cells if cell.cell_type == "code"}
    flags, first_tampering = [], None
    held: list[str] = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if notebooks.is_grade(cell) and not notebooks.is_solution(cell):
            exercise = notebooks.exercise_of(notebooks.grade_id(cell) or "")
            if first_tampering is not None and exercise and exercise not in held:
                held.append(exercise)
            continue
        if cell.source in given:
            continue
        cell_flags = scan_source(cell.source, notebooks.grade_id(cell) or f"cell {index + 1}")
        flags.extend(cell_flags)
        if first_tampering is None and any(f.tampering for f in cell_flags):
            first_tampering = index
    return flags, held
