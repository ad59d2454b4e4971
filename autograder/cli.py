"""`python -m autograder <command>`: build, verify and grade the course's assignments.

    python -m autograder build [ASSIGNMENT ...]    regenerate release/ from source/
    python -m autograder verify [ASSIGNMENT ...]   prove the grading of each assignment
    python -m autograder grade ASSIGNMENT          grade submitted/ in parallel: gradebook, feedback,
                                                   grades.csv and reports/ASSIGNMENT/report.html
    python -m autograder student-bundle [ASSIGNMENT ...]   what students get: dist/*.zip
    python -m autograder collect ASSIGNMENT [--exchange DIR]   nbgrader collect, forged submissions set aside
    python -m autograder lms-collect ASSIGNMENT DOWNLOAD.zip --lms canvas|moodle   into submitted/
    python -m autograder lms-export ASSIGNMENT --lms canvas|moodle [--out FILE]    grades for the LMS
    python -m autograder check-service [--port N] [--per-day N]   "check my work", a JupyterHub service
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from autograder.course import CourseError, assignment_ids, find_course_root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__.split("\n\n")[0])
    parser.add_argument("--course-dir", type=Path, default=None,
                        help="the course folder (default: the nearest one at or above the working directory)")
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="regenerate release/ from source/ (all assignments by default)")
    p_build.add_argument("assignments", nargs="*")
    p_verify = sub.add_parser("verify", help="solution full, blank zero, mutants lose, alternatives full")
    p_verify.add_argument("assignments", nargs="*")
    p_verify.add_argument("--exercise", action="append", default=None,
                          help="only this exercise's mutants and alternatives (repeatable)")
    p_grade = sub.add_parser("grade", help="autograde submitted/<student>/<assignment>, feedback, grades.csv")
    p_grade.add_argument("assignment")
    p_grade.add_argument("--csv", type=Path, default=None, help="where to write the grades (default: grades.csv)")
    p_grade.add_argument("--workers", type=int, default=None,
                         help="submissions graded side by side (default: GRADE_WORKERS, else CPUs + 1)")
    p_grade.add_argument("--regrade", action="store_true",
                         help="grade everyone again, even students the ledger says are done")
    p_grade.add_argument("--submission-timeout", type=float, default=None,
                         help="seconds one submission may run in all (default 600)")
    p_grade.add_argument("--memory-gb", type=float, default=None, help="memory per grading kernel (default 4)")
    p_grade.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                         help="grade without the bubblewrap sandbox (student code can then read and write "
                              "the course's files); the report says so")
    p_grade.add_argument("--no-feedback", dest="feedback", action="store_false",
                         help="skip feedback (generate it later: nbgrader generate_feedback)")
    p_bundle = sub.add_parser("student-bundle", help="the dlcourse library and the releases, for students")
    p_bundle.add_argument("assignments", nargs="*", help="the weeks to include (default: all)")
    p_bundle.add_argument("--out", type=Path, default=Path("dist"), help="where to write it (default: dist/)")
    p_xcollect = sub.add_parser("collect", help="nbgrader collect from the exchange, setting forged submissions aside")
    p_xcollect.add_argument("assignment")
    p_xcollect.add_argument("--exchange", type=Path, default=None, help="the exchange root (default: nbgrader's)")
    p_collect = sub.add_parser("lms-collect", help="submissions from a Canvas or Moodle download into submitted/")
    p_collect.add_argument("assignment")
    p_collect.add_argument("download", type=Path, help="the LMS's zip of all submissions")
    p_collect.add_argument("--lms", required=True, choices=["canvas", "moodle"])
    p_export = sub.add_parser("lms-export", help="the assignment's grades as a Canvas or Moodle import CSV")
    p_export.add_argument("assignment")
    p_export.add_argument("--lms", required=True, choices=["canvas", "moodle"])
    p_export.add_argument("--out", type=Path, default=None, help="default: reports/ASSIGNMENT/<lms>-grades.csv")
    p_check = sub.add_parser("check-service", help='"check my work" for students, as a JupyterHub service')
    p_check.add_argument("--port", type=int, default=None, help="default: the port of JUPYTERHUB_SERVICE_URL")
    p_check.add_argument("--per-day", type=int, default=None,
                         help="checks per student, assignment and day (default: DLCOURSE_CHECKS_PER_DAY, else 3)")
    p_check.add_argument("--parallel", type=int, default=1, help="checks graded side by side (default 1)")
    args = parser.parse_args(argv)

    try:
        root = find_course_root(args.course_dir)
        start = time.perf_counter()
        if args.command == "build":
            from autograder.build import build

            build(root, args.assignments or None)
        elif args.command == "verify":
            from autograder.verify import verify

            failed = []
            for assignment_id in args.assignments or assignment_ids(root):
                report = verify(root, assignment_id, only=args.exercise)
                print(report.format(), flush=True)
                if not report.ok:
                    failed.append(assignment_id)
            if failed:
                print(f"verify FAILED for: {', '.join(failed)}")
                return 1
        elif args.command == "grade":
            from autograder.grade import Limits, grade

            limits = Limits(isolate=args.sandbox)
            if args.submission_timeout is not None:
                limits.submission_timeout = args.submission_timeout
            if args.memory_gb is not None:
                limits.memory_bytes = int(args.memory_gb * 2**30)
            report = grade(root, args.assignment, csv_path=args.csv, workers=args.workers, limits_=limits,
                           regrade=args.regrade, feedback=args.feedback, progress=True, log=lambda *_: None)
            print(report.format())
        elif args.command == "student-bundle":
            from autograder.student_bundle import build_bundle

            print(f"wrote {build_bundle(root, args.out, args.assignments or None)}")
        elif args.command == "collect":
            from autograder.exchange import collect as exchange_collect

            print(exchange_collect(root, args.assignment, args.exchange).format())
        elif args.command == "lms-collect":
            from autograder.lms import collect

            print(collect(root, args.assignment, args.download, args.lms).format())
        elif args.command == "lms-export":
            from autograder.lms import export

            out = args.out or root / "reports" / args.assignment / f"{args.lms}-grades.csv"
            print(f"wrote {export(root, args.assignment, args.lms, out)}")
        elif args.command == "check-service":
            from autograder.check_service import serve

            serve(root, port=args.port, per_day=args.per_day, parallel=args.parallel)
        print(f"({args.command} took {time.perf_counter() - start:.1f} s)")
    except CourseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0
