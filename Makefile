# Two commands for a newcomer: `make run` and `make test` (see README).
SHELL := /bin/bash
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve setup test test-fast lint bench messages worker clean

setup:
	@bash scripts/setup_venv.sh

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Portal berjalan di http://$(HOST):$(PORT)/ (hentikan dengan Ctrl+C)"
	@trap 'kill 0' EXIT INT TERM; \
	  $(PY) manage.py db_worker >/dev/null 2>&1 & \
	  $(PY) manage.py runserver $(HOST):$(PORT)

test:
	@bash scripts/setup_venv.sh dev
	@bash scripts/ensure_system.sh
	@url="$$(bash scripts/ensure_postgres.sh)" && \
	  DATABASE_URL="$$url" DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest $(PYTEST_ARGS)
	@$(PY) -m ruff check .

lint:
	@bash scripts/setup_venv.sh dev
	$(PY) -m ruff check .

messages:
	$(PY) manage.py makemessages -l en --no-obsolete --no-location -i ".venv/*" -i "staticfiles/*" -i "media/*"
	$(PY) manage.py compilemessages -l en -i .venv

clean:
	rm -rf .venv db.sqlite3 staticfiles

# Benchmark (issue 7): BENCH_SCALE=kabupaten|provinsi|nasional, see bench/run.py.
# The weak-connection part drives Chromium (Playwright: the dev extra).
bench:
	@bash scripts/setup_venv.sh dev
	@bash scripts/ensure_system.sh
	$(PY) -m bench.run
