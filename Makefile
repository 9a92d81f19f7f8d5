# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    ?= out/demo

.PHONY: demo test test-fast sysdeps bench docs clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first, alone: an unpinned request would pull a multi-GB CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

# Debian packages the tests need (Perl's XML::Parser for tilse's ROUGE, Chromium for browser tests).
sysdeps:
	@bash scripts/sysdeps.sh

demo: $(STAMP)
	$(VENV)/bin/storyline build examples/demo --out $(OUT)

test: $(STAMP) sysdeps
	$(PY) -m pytest -q $(PYTEST_ARGS)

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow and not browser" $(PYTEST_ARGS)

# The documentation site (docs/ + mkdocs.yml), built in strict mode: a broken link or missing page fails.
docs: $(STAMP)
	$(VENV)/bin/mkdocs build --strict --site-dir site

clean:
	rm -rf $(VENV) out test-output site
