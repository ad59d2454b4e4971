"""The course's grading tool: build releases, verify every assignment, grade a class.

Run `python -m autograder --help`. Modules, one job each:
    course     paths and the nbgrader configuration shared by every command
    notebooks  reading, cleaning and filling notebooks (solutions, stubs, mutants)
    build      source/ -> release/ through nbgrader's generate_assignment
    verify     solution full, blank zero, mutants lose points, alternatives full
    grade      grade a class in parallel workers, merged into the gradebook by one writer
    limits     nbgrader's Execute with a submission time limit, an output cap, dead-kernel handling
    sandbox    the grading kernel's launcher: memory limit, no network, course secrets hidden
    forkserver_guard  preloaded by the grading workers' fork server, so that it dies with the grader
    results    one student's result, shared by the grader, its ledger and the report
    report     the TA's HTML and CSV report with its figures
    feedback   the nbgrader preprocessor that hides hidden tests from feedback
    scan       flags unusual code; holds the exercises that tampering code can reach
"""
