# Two commands matter: `make run` and `make test`. Both set up everything they need first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILT  := src/outreach_desktop/_built
TS     := $(wildcard resources/translations/*.ts)
QM     := $(patsubst resources/translations/%.ts,$(BUILT)/translations/%.qm,$(TS))

.PHONY: run test lint demo bench wheel dist deb test-dist setup translations lupdate clean

run: setup
	$(BIN)/outreach-desktop $(ARGS)

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/ruff format --check src tests benchmarks packaging
	$(BIN)/mypy

# The GUI on a throwaway vault filled with synthetic data (passphrase printed below).
demo: setup
	@d=$$(mktemp -d); pf=$$d/passphrase; \
	printf '%s\n' 'demo-passphrase-2026' > $$pf; \
	$(BIN)/outreach-desktop demo --vault $$d/vault --passphrase-file $$pf --clients 40 && \
	echo "Demo-Tresor: $$d/vault  Passphrase: demo-passphrase-2026" && \
	$(BIN)/outreach-desktop --vault $$d/vault --passphrase-file $$pf; rm -rf $$d

bench: setup
	$(BIN)/python -m benchmarks $(ARGS)

# A wheel with translations and resources inside (installable without this checkout).
wheel: setup
	$(BIN)/python -m pip wheel . --no-deps --quiet -w dist

# The frozen app (PyInstaller onedir) in dist/outreach-desktop/, and the Debian package built from
# it; test-dist installs that package and runs the smoke test (packaging/README.md).
DIST_STAMP := $(VENV)/.dist-installed
$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,dist]'
	@touch $(DIST_STAMP)

dist: setup $(DIST_STAMP)
	rm -rf dist/outreach-desktop build/pyinstaller
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)} \
	  $(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/pyinstaller/outreach-desktop.spec
	@du -sh dist/outreach-desktop | sed 's/^/frozen app: /'

deb: dist
	rm -f dist/outreach-desktop_*.deb
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || date +%s)} \
	  $(BIN)/python packaging/deb/build_deb.py dist/outreach-desktop dist
	@ls -l dist/outreach-desktop_*.deb
	@if command -v lintian >/dev/null; then lintian --fail-on error,warning dist/outreach-desktop_*.deb \
	  && echo "lintian: clean (overrides explained in packaging/deb/lintian-overrides)"; \
	  else echo "lintian not installed: skipped"; fi

test-dist: deb
	$(BIN)/python packaging/smoke_test.py dist/outreach-desktop_*.deb

setup: $(STAMP) translations

# (Re)create the venv when it is missing or older than pyproject.toml.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

translations: $(QM)

$(BUILT)/translations/%.qm: resources/translations/%.ts $(STAMP)
	@mkdir -p $(dir $@)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts files from the sources (developer task; translations are then filled in).
# German gets the interface's texts (English source) and the domain's labels (German source,
# context "Labels"); English gets only those labels: the interface is written in English.
UI_PY     = $$(find src/outreach_desktop/ui -name '*.py')
DOMAIN_PY = $$(find src/outreach_desktop/domain src/outreach_desktop/exchange -name '*.py')
# Code that moves to another class keeps its translations: lupdate first keeps what vanished,
# tools/ts_carry.py gives a moved string its old translation, then lupdate drops the rest.
LUPDATE   = $(BIN)/pyside6-lupdate -no-obsolete -locations none
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -locations none $(UI_PY) $(DOMAIN_PY) -ts resources/translations/outreach_de.ts
	$(BIN)/python tools/ts_carry.py resources/translations/outreach_de.ts
	$(LUPDATE) $(UI_PY) $(DOMAIN_PY) -ts resources/translations/outreach_de.ts
	$(LUPDATE) -source-language de -target-language en $(DOMAIN_PY) \
		-ts resources/translations/outreach_en.ts

clean:
	rm -rf $(VENV) $(BUILT) .pytest_cache .mypy_cache .ruff_cache dist build
