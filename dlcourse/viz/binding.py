"""Late binding: visualisers call the notebook's functions as they are when a control moves.

A notebook shows an explorer before its exercises are done; once the student writes
`gradient_descent`, the next slider move uses it, without re-running the explorer's cell.
"""

from __future__ import annotations

import html
from typing import Callable


def late_bound(namespace: dict, name: str) -> Callable:
    """A function that looks `name` up in `namespace` at each call, not now.

    Calling it before the name exists raises NotImplementedError, the same error an unfinished
    nbgrader stub raises, so views need to handle only one case.
    """

    def call(*args, **kwargs):
        function = namespace.get(name)
        if function is None:
            raise NotImplementedError(f"{name} is not defined yet")
        return function(*args, **kwargs)

    call.__name__ = name
    return call


def call_student(name: str, compute: Callable):
    """Run `compute()` (which calls a student's function) for a picture.

    Returns (result, "") or, when the function is unfinished or raises, (None, a message for the
    explorer's readout): a student's bug must never break the lecture's picture.
    """
    try:
        return compute(), ""
    except NotImplementedError:
        return None, f"{name}() is not written yet; once it is, move a slider."
    except Exception as error:
        return None, f"{name}() raised {type(error).__name__}: {error}"


def note_html(message: str, line_break: bool = True) -> str:
    """A readout's note (a student's error, say) as HTML: escaped, so `<lambda>` shows as text."""
    if not message:
        return ""
    return ("<br>" if line_break else "") + f"<i>{html.escape(message)}</i>"
