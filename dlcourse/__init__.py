"""Deep Learning Foundations (딥러닝 기초): the course library.

Every notebook imports from here: the lecture's data sets (`dlcourse.houses`), the checks that
test cells use (`dlcourse.checks`), and the visualisers (`dlcourse.viz`). The library holds no
solution to a graded exercise: a visualiser that needs one takes the student's function.
"""

__version__ = "0.1.0"
