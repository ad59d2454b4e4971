"""Preloaded by the grading fork server, and imported nowhere else: the server dies with the grader.

Grading workers are forked from that server (see grade.py), each set to die with it, and each
kernel launcher to die with its worker: killing the grader then takes everything down.
"""

from autograder import sandbox

sandbox._die_with_parent()
