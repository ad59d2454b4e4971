"""What grading one submission produced: the record the merge, the ledger and the TA report share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Flag:
    """Something in a student's code a TA should see: the cell, the line and what it does."""

    cell: str
    line: int
    what: str
    tampering: bool = False  # True: the exercise it can affect is held at 0 for review

    def __str__(self) -> str:
        return f"{self.cell}:{self.line}: {self.what}"


@dataclass
class StudentResult:
    """One student's grade for one assignment.

    status: graded (scores are in the gradebook), malformed (not a notebook; nothing graded)
    or failed (nbgrader could not finish; no score recorded, review by hand).
    exercises: exercise name -> (score, max score), after any hold.
    limits: each limit the submission hit, in words ("cell test_mae ran past the 30 s cell timeout").
    held: exercises held at 0 because code that can affect them tampers with the grading.
    mistakes: exercise -> the known mistakes its failed tests named (autograder/cohort.py).
    written: the written answers (not left blank) that wait for a TA in formgrader.
    """

    student_id: str
    status: str
    score: float = 0.0
    max_score: float = 0.0
    seconds: float = 0.0
    flags: list[Flag] = field(default_factory=list)
    message: str = ""
    exercises: dict[str, tuple[float, float]] = field(default_factory=dict)
    limits: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    submission_sha256: str = ""
    mistakes: dict[str, list[str]] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)  # written answers a TA still has to grade

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "StudentResult":
        data = dict(data)
        data["flags"] = [Flag(**f) for f in data.get("flags", [])]
        data["exercises"] = {k: tuple(v) for k, v in data.get("exercises", {}).items()}
        return cls(**data)

    @property
    def reasons(self) -> list[str]:
        """Why a TA should look at this submission, most serious first."""
        out = []
        if self.status != "graded":
            out.append(self.message or self.status)
        out += self.limits
        if self.held:
            out.append(f"held at 0 for review (tampering): {', '.join(self.held)}")
        out += [str(f) for f in self.flags if f.tampering]
        return out
