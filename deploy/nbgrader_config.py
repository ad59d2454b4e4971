"""nbgrader's settings for every user of the class environment (`make hub-setup` copies this to
<environment>/etc/jupyter/nbgrader_config.py): which course, and where the exchange is. A
grader's server also gets DLCOURSE_COURSE (the hub sets it), the course folder Formgrader opens."""
import os

c = get_config()  # noqa: F821 - provided by nbgrader
c.CourseDirectory.course_id = "dl-foundations"
c.Exchange.root = os.environ.get("DLCOURSE_EXCHANGE", "/srv/nbgrader/exchange")
if os.environ.get("DLCOURSE_COURSE"):
    c.CourseDirectory.root = os.environ["DLCOURSE_COURSE"]
