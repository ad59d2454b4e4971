"""Collect submissions from nbgrader's exchange without trusting the names of its folders.

    python -m autograder collect ASSIGNMENT [--exchange /srv/nbgrader/exchange]

nbgrader's exchange keeps each submission in `<exchange>/<course>/inbound/` under a folder named
`<student>+<assignment>+<timestamp>+<random>`, and `nbgrader collect` takes, for each student, the
folder with the latest timestamp. The inbound folder is writable by every student (that is how
they submit), so a student can make a folder that *claims* to be another student's later
submission. nbgrader notices that its owner differs and only warns; it still collects it.

This command is the boundary: before nbgrader collects, each folder whose Unix owner is not the
student its name claims is moved out of the exchange into `backups/suspect-<time>/` (nothing is
deleted) and listed for a human to look at, with its owner. Then nbgrader's own collect runs.
"""

from __future__ import annotations

import pwd
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from autograder.course import CourseError, check_assignment, load_config, nbgrader_api


@dataclass
class ExchangeCollect:
    assignment_id: str
    collected: list[str] = field(default_factory=list)  # students nbgrader collected
    suspect: list[str] = field(default_factory=list)    # "folder: owned by X, claims Y"
    kept_in: Path | None = None

    def format(self) -> str:
        lines = [f"collect {self.assignment_id}: {len(self.collected)} students"]
        if self.suspect:
            lines.append(f"  NOT collected, for a human to look at (moved to {self.kept_in}):")
            lines += [f"    {line}" for line in self.suspect]
        return "\n".join(lines)


def _owner(path: Path) -> str:
    try:
        return pwd.getpwuid(path.lstat().st_uid).pw_name
    except KeyError:
        return f"uid {path.lstat().st_uid}"


def collect(root: Path, assignment_id: str, exchange: Path | None = None) -> ExchangeCollect:
    check_assignment(root, assignment_id)
    config = load_config(root)
    if exchange is not None:
        config.Exchange.root = str(exchange)
    api = nbgrader_api(config)
    from nbgrader.exchange.default.exchange import Exchange

    inbound = Path(Exchange(config=config).root) / api.coursedir.course_id / "inbound"
    if not inbound.is_dir():
        raise CourseError(f"No inbound folder at {inbound}: is the exchange root right (--exchange), "
                          "and has anyone submitted?")
    report = ExchangeCollect(assignment_id)
    for folder in sorted(inbound.iterdir()):
        parts = folder.name.split("+")
        if len(parts) < 3 or parts[1] != assignment_id:
            continue
        owner = _owner(folder)
        if owner != parts[0]:
            report.kept_in = report.kept_in or root / "backups" / f"suspect-{datetime.now():%Y%m%d-%H%M%S}"
            report.kept_in.mkdir(parents=True, exist_ok=True)
            shutil.move(str(folder), str(report.kept_in / folder.name))
            report.suspect.append(f"{folder.name}: owned by {owner}, claims to be {parts[0]}'s")
    result = api.collect(assignment_id)
    if not result["success"]:
        raise CourseError(f"nbgrader could not collect {assignment_id}:\n{result.get('error') or result.get('log')}")
    report.collected = sorted(p.name for p in (root / "submitted").iterdir()
                              if (p / assignment_id).is_dir()) if (root / "submitted").is_dir() else []
    return report
