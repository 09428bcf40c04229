# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

# Development settings; production reads the same names from its environment.
export DEBUG ?= true
export SECRET_KEY ?= dev-only-insecure-key-not-for-production
export ALLOWED_HOSTS ?= 127.0.0.1,localhost
export DATABASE_URL ?= sqlite:///$(CURDIR)/var/db.sqlite3
export PYTHONDONTWRITEBYTECODE := 1
# The suite in one worker per core (pytest-xdist): most of its time is spent waiting on Chromium,
# test servers and subprocesses. `--dist load` hands each worker tests in collection order, so
# pytest-django's order holds in each (tests with real transactions last: they leave the database
# flushed); `worksteal` broke it (a plain test ran after a flush and found no staff groups).
# PYTEST_ARGS="-n 0 tests/zones" runs a part in one process.
PYTEST_ARGS ?= --numprocesses auto --dist load

.PHONY: run test lighthouse lint migrate data clean help lock messages bench sample-data backup restore

help:
	@echo "make run    install, migrate, load the Lạng Sơn data and serve on http://127.0.0.1:8000"
	@echo "make test   install the test tools and run the whole suite (DATABASE_URL picks the database)"
	@echo "make lighthouse   Lighthouse on the public pages, production server, mobile (10-15 minutes; CI runs it)"
	@echo "make lint   ruff (lint, format), djhtml (template indentation), mypy (types)"
	@echo "make backup   back up DATABASE_URL's database to a timestamped file in var/backups/"
	@echo "make restore FILE=var/backups/…   replace DATABASE_URL's database with that backup"

# Reinstall only when a lock file changes.
$(VENV)/.base-installed: requirements/base.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/base.lock
	touch $@

$(VENV)/.test-installed: requirements/test.lock $(VENV)/.base-installed
	$(PIP) install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/test.lock
	touch $@

# axe-core for the accessibility tests, from the npm registry, locked by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

var:
	mkdir -p var/static var/media

# The development settings, for a plain `manage.py` or `pytest` in this checkout (never deployed).
var/dev.env: Makefile | var
	printf 'DEBUG=true\nSECRET_KEY=dev-only-insecure-key-not-for-production\nALLOWED_HOSTS=127.0.0.1,localhost,testserver\n' > $@

migrate: $(VENV)/.base-installed var/dev.env | var
	$(PY) manage.py migrate --noinput

data: migrate
	$(PY) manage.py load_langson
	$(PY) manage.py ensure_admin

run: data
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.test-installed node_modules/.installed var/dev.env | var
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Lighthouse 12 (npm, --ignore-scripts: it never downloads a browser) in Debian's Chromium against
# the production server (gunicorn, DEBUG off, collected static files): fails below 100 in
# accessibility, best practices and SEO or 95 in mobile performance (the median of
# LIGHTHOUSE_RUNS=3 runs a page); scores in var/lighthouse/scores.md. LIGHTHOUSE_PAGES=all for
# every page in the three languages. CI runs it after the test suites.
tests/lighthouse/node_modules/.installed: tests/lighthouse/package.json tests/lighthouse/package-lock.json
	cd tests/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

lighthouse: $(VENV)/.test-installed tests/lighthouse/node_modules/.installed | var
	$(PY) tests/lighthouse/run.py

# The production server under load (needs DATABASE_URL=postgres://... and Redis); see
# docs/performance.md. `make sample-data` first for the large data set.
bench: $(VENV)/.test-installed | var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_langson
	$(PY) deploy/bench.py

sample-data: $(VENV)/.base-installed
	$(PY) manage.py generate_sample_data --zones 500 --plots 50000 --inquiries 100000

# pg_dump/pg_restore on PostgreSQL, SQLite's backup API otherwise; see docs/deploy.md.
backup: $(VENV)/.base-installed
	$(PY) manage.py backup

restore: $(VENV)/.base-installed
	@test -n "$(FILE)" || { echo "Which backup? make restore FILE=var/backups/<file>" >&2; exit 2; }
	$(PY) manage.py restore "$(FILE)"

# The same checks as .pre-commit-config.yaml. mypy loads the settings (django-stubs' plugin),
# which read var/dev.env when run outside make.
lint: $(VENV)/.test-installed var/dev.env
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates
	$(VENV)/bin/mypy

# Regenerate the lock files after editing pyproject.toml (needs network access to PyPI).
lock:
	$(PYTHON) -m venv var/piptools && var/piptools/bin/pip install --quiet pip-tools
	var/piptools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements/base.lock pyproject.toml
	var/piptools/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --extra test -o requirements/test.lock pyproject.toml

# Extract the interface strings into locale/*/django.po and compile the committed .mo files
# (needs GNU gettext; a fresh clone needs neither: the .mo files are in the repository).
messages: $(VENV)/.base-installed
	$(PY) manage.py makemessages --locale en --locale zh_Hans --no-obsolete --no-location --ignore ".venv/*" --ignore "var/*"
	$(PY) manage.py compilemessages --locale en --locale zh_Hans --ignore ".venv/*" --ignore "var/*"

clean:
	rm -rf $(VENV) var/static
