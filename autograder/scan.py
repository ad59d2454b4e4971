"""Flag submissions whose answer cells do things graded code never needs.

nbgrader runs student code with no sandbox, in the same kernel as the tests. The checks in
`dlcourse.checks` resist the common tricks (patched builtins, rigged `__eq__`), but a TA should
still look at a submission that patches modules, exits the kernel or reads files. This scan
reads the cells the student wrote, never runs them, and reports line numbers; it changes no
score.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from autograder import notebooks

SUSPICIOUS_MODULES = {"builtins", "os", "sys", "subprocess", "shutil", "pathlib", "glob", "importlib",
                      "ctypes", "inspect", "gc", "signal", "socket", "sqlite3", "pickle", "io"}
SUSPICIOUS_CALLS = {"exit", "quit", "open", "exec", "eval", "compile", "__import__", "setattr",
                    "delattr", "globals", "vars", "breakpoint", "input"}
PATCHABLE_ROOTS = {"np", "numpy", "math", "torch", "builtins", "checks", "dlcourse", "random"}
RIGGED_METHODS = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__abs__",
                  "__float__", "__bool__", "__array__", "__array_ufunc__", "__getattr__"}


@dataclass
class Flag:
    cell: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.cell}:{self.line}: {self.what}"


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def scan_source(source: str, cell: str) -> list[Flag]:
    """Flags for one answer cell's code (IPython magics and shell lines are flagged, then skipped)."""
    flags, lines = [], []
    for number, line in enumerate(source.split("\n"), start=1):
        if line.lstrip().startswith(("%", "!")):
            flags.append(Flag(cell, number, f"IPython magic or shell command: {line.strip()[:60]}"))
            lines.append("")
        else:
            lines.append(line)
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError as error:
        return flags + [Flag(cell, error.lineno or 0, f"syntax error: {error.msg}")]
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in SUSPICIOUS_MODULES:
                    flags.append(Flag(cell, line, f"imports {alias.name}"))
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in SUSPICIOUS_MODULES:
                flags.append(Flag(cell, line, f"imports from {node.module}"))
        elif isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else (
                node.func.attr if isinstance(node.func, ast.Attribute) else None)
            if name in SUSPICIOUS_CALLS or name == "_exit":
                flags.append(Flag(cell, line, f"calls {name}()"))
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and _root_name(target) in PATCHABLE_ROOTS:
                    flags.append(Flag(cell, line, f"reassigns {ast.unparse(target)}"))
                if isinstance(node, ast.Delete) and isinstance(target, ast.Name):
                    flags.append(Flag(cell, line, f"deletes {target.id}"))
        elif isinstance(node, ast.FunctionDef) and node.name in RIGGED_METHODS:
            flags.append(Flag(cell, line, f"defines {node.name} (a value that compares or converts itself)"))
        elif isinstance(node, ast.Name) and node.id in ("__builtins__", "__loader__", "__spec__"):
            flags.append(Flag(cell, line, f"uses {node.id}"))
        elif isinstance(node, (ast.While,)) and isinstance(node.test, ast.Constant) and node.test.value:
            flags.append(Flag(cell, line, "while True loop (may not terminate)"))
    return flags


def scan_notebook(nb, release) -> list[Flag]:
    """Flags for every code cell the student wrote or changed (cells not identical to the release).

    Not only answer cells: a student can add cells, or strip a cell's nbgrader metadata.
    """
    given = {cell.source for cell in release.cells if cell.cell_type == "code"}
    flags = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and cell.source not in given:
            flags.extend(scan_source(cell.source, notebooks.grade_id(cell) or f"cell {index + 1}"))
    return flags
