"""nbgrader's settings for every user of the class environment (`make student-env` copies this to
<environment>/etc/jupyter/nbgrader_config.py): which course, and where the exchange is."""
import os

c = get_config()  # noqa: F821 - provided by nbgrader
c.CourseDirectory.course_id = "dl-foundations"
c.Exchange.root = os.environ.get("DLCOURSE_EXCHANGE", "/srv/nbgrader/exchange")
