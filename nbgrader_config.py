"""nbgrader settings for the course. The course root is this folder (source/, release/, ...).

Every value here is chosen on purpose; `python -m autograder` reads this same file, so the
TA's grading, the verify step and the tests all run under one configuration.
"""

c = get_config()  # noqa: F821  (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "dl-foundations"
# The gradebook is nbgrader's default, gradebook.db (SQLite) in the course root. For several
# graders at once, set c.CourseDirectory.db_url to a PostgreSQL URL instead: SQLite is not
# safe for concurrent writers.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# Execution during autograde and validate. Every notebook cell, training included, is kept
# under this limit when NBGRADER_EXECUTION is set; a submission stuck in an infinite loop loses
# at most this long per cell before the kernel is interrupted and grading moves on.
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True
c.Execute.kernel_name = "python3"  # the kernel of the environment nbgrader runs in
c.Execute.execute_retries = 0      # a crashing submission is not run twice

# A submission that prints a flood of output keeps only this much in the graded notebook.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 40

# Stubs students see in place of solutions: nbgrader's own, so an unanswered stub fails
# loudly where it stands (not `pass`, which would fail far from the cause).
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# nbgrader's own steps, with one change: a quiz whose cell shows the answer's skeleton (names,
# keys, `...` values) above its solution keeps the skeleton and gets no stub
# (autograder/release_stubs.py).
c.GenerateAssignment.preprocessors = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.InstantiateTests",
    "nbgrader.preprocessors.LockCells",
    "autograder.release_stubs.ClearSolutionsKeepingSkeletons",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.SaveCells",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Feedback for students: the hidden tests' code and tracebacks never reach them. The
# replacement preprocessor keeps each hidden test's name, points and one-line verdict.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "autograder.feedback.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
