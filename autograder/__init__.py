"""The course's grading tool: build releases, verify every assignment, grade a class.

Run `python -m autograder --help`. Modules, one job each:
    course     paths and the nbgrader configuration shared by every command
    notebooks  reading, cleaning and filling notebooks (solutions, stubs, mutants)
    build      source/ -> release/ through nbgrader's generate_assignment
    verify     solution full, blank zero, mutants lose points, alternatives full
    grade      autograde submitted/, feedback without hidden tests, grades.csv
    feedback   the nbgrader preprocessor that hides hidden tests from feedback
    scan       flags submissions that patch builtins, exit the kernel or read files
"""
