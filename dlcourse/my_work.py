"""my_work: a student's own copy of the released notebooks, kept up to date without losing work.

    python -m dlcourse.my_work            # release/ -> my-work/, then open my-work/ in JupyterLab

Every file of release/ that my-work/ lacks is copied. A file that is already there is never
overwritten if the student changed it: when the course publishes a corrected release of a
notebook the student has worked in, the new release is put *beside* it as
`<name>.new-release.ipynb`, and the student is told. A file the student never changed (still
exactly as it was copied) is simply updated. What was copied is remembered in
my-work/.release-manifest.json (a hash per file), which is how "changed" is told apart.

Plain Python, so it behaves the same on Linux, macOS and Windows (`cp -rn` does not: it exits 1
on macOS when a file exists).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

MANIFEST = ".release-manifest.json"
NEW_RELEASE_SUFFIX = ".new-release"


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> Path:
    """Where a newer release of a file the student changed goes: next to it, with a clear name."""
    return path.with_name(path.stem + NEW_RELEASE_SUFFIX + path.suffix)


def update(release: Path, work: Path) -> dict[str, list[str]]:
    """Bring `work` up to date with `release`; return what happened to each file, by outcome:
    "copied" (was missing), "updated" (unchanged by the student, newer release), "kept" (the
    student's, release unchanged), "newer release beside" (the student's, and a newer release
    written beside it)."""
    if not release.is_dir():
        raise FileNotFoundError(f"There is no release folder at {release}.\n"
                                "Run this from the course folder, or give --release PATH.")
    work.mkdir(parents=True, exist_ok=True)
    manifest_path = work / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError):
        manifest = {}  # first run, or a manifest the student deleted: then nothing counts as unchanged
    report: dict[str, list[str]] = {"copied": [], "updated": [], "kept": [], "newer release beside": []}
    for source in sorted(p for p in release.rglob("*") if p.is_file()):
        name = source.relative_to(release).as_posix()
        if ".ipynb_checkpoints" in name or NEW_RELEASE_SUFFIX in source.stem:
            continue
        target = work / name
        new = _hash(source)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            manifest[name] = new
            report["copied"].append(name)
        elif manifest.get(name) == new:
            report["kept"].append(name)  # the release has not changed since it was copied
        elif _hash(target) in (manifest.get(name), new):  # the student never changed it
            shutil.copyfile(source, target)
            manifest[name] = new
            report["updated"].append(name)
        else:  # the student's own work, and the release has changed: both are kept
            shutil.copyfile(source, _beside(target))
            manifest[name] = new
            report["newer release beside"].append(name)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return report


def summary(report: dict[str, list[str]], work: Path) -> str:
    """What a student reads after an update: counts, then each notebook that needs their attention."""
    lines = [f"Your work is in {work}: {len(report['copied'])} files copied, {len(report['updated'])} updated, "
             f"{len(report['kept'])} kept as they were."]
    for name in report["newer release beside"]:
        lines.append(f"A newer release of {name} exists. Your copy is unchanged; the new release is "
                     f"{_beside(Path(name)).as_posix()}, beside it.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Copy the released notebooks into your own folder, "
                                                 "never overwriting your work.")
    parser.add_argument("--release", type=Path, default=Path("release"), help="the course's release folder")
    parser.add_argument("--into", type=Path, default=Path("my-work"), help="your own folder (default my-work)")
    args = parser.parse_args(argv)
    try:
        report = update(args.release, args.into)
    except (FileNotFoundError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    print(summary(report, args.into))
    return 0


if __name__ == "__main__":
    sys.exit(main())
