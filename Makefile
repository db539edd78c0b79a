# Ombud – the documented interface. `make run` and `make test` work on a fresh Debian
# machine with Python 3.11 (as root, or with sudo for the apt-get steps).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
APT := $(shell command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo) apt-get
APPS := core clients systembrister dataprotection ledningsgrupp statsbidrag administration imports jobs earkiv devtools

.PHONY: run test lint typecheck pytest install install-test system-deps messages compilemessages \
        demo bench seed-scale load clean docker-up

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q --build-constraint .build-constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages: gettext (msgfmt) for the catalogue, chromium for browser tests,
# poppler-utils (pdftoppm/pdftotext) for looking at PDFs, pango for WeasyPrint.
system-deps:
	@missing=""; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq --no-install-recommends $$missing; \
	fi

compilemessages: $(STAMP)
	$(PY) manage.py compilemessages -v 0 --ignore='.venv' --ignore='var'

# Refresh the Swedish catalogues from the source (one per app; core/ also holds templates/
# and config/).
messages: $(STAMP)
	$(PY) manage.py makemessages -l sv --no-obsolete -i '.venv/*' -i 'var/*' -i 'clients/*' -i 'systembrister/*' -i 'dataprotection/*' -i 'ledningsgrupp/*' -i 'statsbidrag/*' -i 'administration/*' -i 'imports/*' -i 'jobs/*' -i 'earkiv/*' -i 'devtools/*' -i 'tests/*' -i 'bench/*'
	@for app in clients systembrister dataprotection ledningsgrupp statsbidrag administration imports jobs earkiv; do (cd $$app && ../$(PY) ../manage.py makemessages -l sv --no-obsolete -v 0); done

run: system-deps $(STAMP) compilemessages
	$(PY) manage.py migrate --noinput -v 0
	@mkdir -p var/static
	@if [ ! -f var/.demo-loaded ]; then $(PY) manage.py seed_demo && touch var/.demo-loaded; \
	 else $(PY) manage.py seed_demo; fi
	@echo "Serving on http://127.0.0.1:8000, the scheduler's worker beside it (Ctrl-C stops both)"
	@$(PY) manage.py procrastinate worker & worker=$$!; \
	 trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	 $(PY) manage.py runserver 127.0.0.1:8000

demo: $(STAMP)
	$(PY) manage.py seed_demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint --lint $(wildcard templates $(foreach a,$(APPS),$(a)/templates))

typecheck: $(STAMP)
	$(VENV)/bin/mypy config core clients systembrister dataprotection ledningsgrupp statsbidrag administration imports jobs earkiv devtools

pytest: $(STAMP) compilemessages
	@mkdir -p var/static
	$(VENV)/bin/pytest -q -p no:randomly

test: system-deps $(STAMP) compilemessages lint typecheck pytest

seed-scale: $(STAMP)
	OMBUD_DB_NAME=$${OMBUD_DB_NAME:-ombud_scale} $(PY) manage.py migrate --noinput -v 0
	OMBUD_DB_NAME=$${OMBUD_DB_NAME:-ombud_scale} $(PY) manage.py seed_scale $(SEED_SCALE_ARGS)

bench: $(STAMP)
	OMBUD_DB_NAME=$${OMBUD_DB_NAME:-ombud_scale} $(PY) bench/run.py

# 50 concurrent users for 60 s against gunicorn on 127.0.0.1 (needs `make seed-scale` first).
load: $(STAMP)
	OMBUD_DB_NAME=$${OMBUD_DB_NAME:-ombud_scale} $(PY) bench/load.py

docker-up:
	docker compose up --build

clean:
	rm -rf $(VENV) var/static var/test-media
