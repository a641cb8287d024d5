# Décoder l'IA / Decoding AI: the two commands for a fresh Debian machine with Python 3.11.
#   make book   build the whole book: six editions, landing page and PDFs (installs Debian's Chromium when missing)
#   make test   run every test (installs Debian's Chromium and axe-core when missing)
# Each sets up what it needs: a virtual environment in .venv with the pinned toolchain.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: book test lab serve check bench browser-deps clean

$(BIN)/decodia: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,hub]"
	touch $@

# The PDFs are printed by Debian's Chromium: installed when missing, as for `make test`. Without root,
# say the command and still build the HTML.
book: $(BIN)/decodia
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	    || echo "Could not install chromium: the PDFs are skipped, the HTML is still built." >&2; \
	  else echo "Chromium is missing, so the PDFs are skipped. To print them: sudo apt-get install chromium" >&2; fi; }
	$(BIN)/decodia build

test: $(BIN)/decodia browser-deps
	$(BIN)/python -m pytest

# The lessons live on this machine: JupyterLab on 127.0.0.1 with the lessons as notebooks (see the README).
lab: $(BIN)/decodia
	$(BIN)/decodia lab

serve: $(BIN)/decodia
	$(BIN)/decodia serve

check: $(BIN)/decodia
	$(BIN)/decodia check

bench: $(BIN)/decodia browser-deps
	$(BIN)/python benchmarks/run

# Real-browser tests drive Debian's Chromium; axe-core, configurable-http-proxy (the proxy of the real
# JupyterHub of tests/test_hub.py) and scorm-again (the LMS runtime of tests/test_scorm.py) come from the npm
# registry (pinned, test-only: tests/browser/package.json).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: sudo apt-get install chromium" >&2; exit 1; fi; }
	@test -f tests/browser/node_modules/axe-core/axe.min.js -a -x tests/browser/node_modules/.bin/configurable-http-proxy \
	  -a -f tests/browser/node_modules/scorm-again/dist/scorm12.min.js \
	  || (cd tests/browser && npm ci --no-audit --no-fund --silent)

clean:
	rm -rf _build
