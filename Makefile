# The everyday commands. `make setup` once, then `make test`, `make student` or `make grade A=...`.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
A      ?=
W      ?=
# On Linux, PyPI's torch is a build with several GB of CUDA libraries. A student's laptop wants
# the CPU build: `make setup TORCH_INDEX=https://download.pytorch.org/whl/cpu`.
TORCH_INDEX ?=
TORCH_PIN := $(shell grep -o '"torch==[0-9.]*"' pyproject.toml | tr -d '"')
# A class on one machine: a Python every Unix user can run (not one under /root), with nbgrader's
# student commands (fetch_assignment, submit, fetch_feedback). The course library can be added
# with `$(STUDENT_ENV)/bin/pip install <unzipped student bundle>`.
STUDENT_ENV   ?= /opt/dlcourse-student
SYSTEM_PYTHON ?= /usr/bin/python3.11
NBGRADER_PIN := $(shell grep -o '"nbgrader==[0-9.]*"' pyproject.toml | tr -d '"')
JUPYTERHUB_PIN := jupyterhub==6.1.1
# Jupyter refuses to run as root (containers, CI) unless told to.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup test student lab demo grade build verify benchmark student-bundle student-env hub-setup hub

setup:            ## the course environment in .venv (Python 3.11, pinned packages)
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or run 'make setup PYTHON=/path/to/python3.11'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(if $(TORCH_INDEX),$(PY) -m pip install --quiet "$(TORCH_PIN)" --index-url $(TORCH_INDEX))
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m dlcourse.lab_settings
	@command -v chromium >/dev/null || echo "note: browser tests need Debian's chromium (sudo apt-get install chromium); without it they are skipped"
	@command -v bwrap >/dev/null || echo "note: grading needs Debian's bubblewrap (sudo apt-get install bubblewrap), the grading kernels' sandbox"

test:             ## every test: library, notebooks, release, verify, grading, browser
	$(PY) -m pytest

student:          ## open the course as a student: your own copy of release/ in my-work/
	$(PY) -m dlcourse.my_work --release release --into my-work
	$(VENV)/bin/jupyter lab --notebook-dir=my-work $(ROOT_FLAG)

lab:              ## open the whole course folder (instructors: sources and lecture demos)
	$(VENV)/bin/jupyter lab $(ROOT_FLAG)

demo:             ## a week's lecture demo as an app for the projector (W=06; no code cells, Voilà)
	@test -n "$(W)" || { echo "usage: make demo W=06   (add PRESENTER=1 for presenter size)"; exit 2; }
	$(PY) -m dlcourse.demo $(W) $(if $(PRESENTER),--presenter)

build:            ## regenerate release/ from source/ (A=assignment, default all)
	$(PY) -m autograder build $(A)

verify:           ## prove grading: solution full, blank 0, mutants lose, alternatives full
	$(PY) -m autograder verify $(A)

grade:            ## grade submitted/*/$(A) in parallel: gradebook, feedback/, grades.csv, reports/$(A)/report.html
	@test -n "$(A)" || { echo "usage: make grade A=a01_models_and_loss"; exit 2; }
	$(PY) -m autograder build $(A)
	$(PY) -m autograder grade $(A)

student-bundle:   ## what students get (library + releases, no answers): dist/*.zip (A=weeks, default all)
	$(PY) -m autograder student-bundle $(A)

student-env:      ## for a class on one machine: $(STUDENT_ENV), nbgrader's student commands for every user
	$(SYSTEM_PYTHON) -m venv $(STUDENT_ENV)
	$(STUDENT_ENV)/bin/pip install --quiet "$(NBGRADER_PIN)"

hub-setup: student-env  ## the course's JupyterHub: JupyterHub in $(STUDENT_ENV), its proxy (npm), students' extensions
	$(STUDENT_ENV)/bin/pip install --quiet "$(JUPYTERHUB_PIN)"
	mkdir -p $(STUDENT_ENV)/etc/jupyter $(STUDENT_ENV)/share/jupyter/lab/settings
	cp deploy/nbgrader_config.py $(STUDENT_ENV)/etc/jupyter/nbgrader_config.py
	cp deploy/overrides.json $(STUDENT_ENV)/share/jupyter/lab/settings/overrides.json
	# Graders' servers add this config folder (the hub sets JUPYTER_CONFIG_PATH): Formgrader on.
	rm -rf $(STUDENT_ENV)/etc/jupyter-grader && cp -r deploy/grader-config $(STUDENT_ENV)/etc/jupyter-grader
	# Students get the Assignments tab only; graders get Formgrader from etc/jupyter-grader (deploy/README.md).
	$(STUDENT_ENV)/bin/jupyter labextension disable --level=sys_prefix @jupyter/nbgrader:create-assignment \
	  @jupyter/nbgrader:formgrader @jupyter/nbgrader:course-list >/dev/null 2>&1
	$(STUDENT_ENV)/bin/jupyter labextension lock --level=sys_prefix @jupyter/nbgrader:create-assignment \
	  @jupyter/nbgrader:formgrader @jupyter/nbgrader:course-list >/dev/null 2>&1
	$(STUDENT_ENV)/bin/jupyter server extension disable --sys-prefix nbgrader.server_extensions.formgrader \
	  nbgrader.server_extensions.course_list >/dev/null 2>&1
	cd deploy && npm ci --no-audit --no-fund --silent

hub:              ## the course's JupyterHub on loopback for a demo class (as root; make hub-setup first)
	$(SYSTEM_PYTHON) deploy/demo_class.py

benchmark:        ## visualiser update timings
	$(PY) benchmarks/widget_updates.py
