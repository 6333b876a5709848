# Two commands do everything on a fresh machine: `make run` and `make test`.
VENV := .venv
ifeq ($(OS),Windows_NT)
PYTHON ?= py -3
BIN := $(VENV)/Scripts
EXE := .exe
else
PYTHON ?= python3
BIN := $(VENV)/bin
EXE :=
endif
# Stamps are written by Python, not touch: the same Makefile works in a plain Windows shell.
TOUCH = $(BIN)/python -c "import pathlib, sys; pathlib.Path(sys.argv[1]).touch()"
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run test bench lint translations icons dist deb dist-compat clean

$(BIN)/python$(EXE):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python$(EXE) setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	$(TOUCH) $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,dist]"
	$(TOUCH) $@

$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dist]"
	$(TOUCH) $@

run: $(STAMP)
	$(BIN)/python main.py $(ARGS)

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

lint: $(TEST_STAMP)
	$(BIN)/python -m ruff check .

translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -tr-function-alias tr+=_tr main.py cli.py ui/*.py ui/calendar/*.py models/*.py models/*/*.py importers/*.py exporters/*.py -ts resources/metrology_en.ts
	$(BIN)/pyside6-lrelease resources/metrology_en.ts -qm resources/metrology_en.qm
	$(BIN)/pyside6-lrelease resources/qt_supplement_zh_CN.ts -qm resources/qt_supplement_zh_CN.qm

icons: $(DIST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bundle.icons

# The one-folder bundle dist/metrology-day/ and its .tar.gz (on Windows its .zip and, with
# NSIS installed, the per-user installer): all in Python, no Unix tool, on every system.
dist: $(DIST_STAMP)
	$(BIN)/python -m bundle.freeze

# dist/metrology-day_<version>_<arch>.deb, from the bundle (Debian-family systems only).
deb: dist
	$(BIN)/python -m bundle.deb

# The glibc 2.31 build (Debian 11, Ubuntu 20.04, Kylin V10 SP1): bundle and .deb made inside a
# Debian 11 root (debootstrap, Python 3.11 compiled there, Qt 6.9), then every command and the
# window run `env -i` in a second, clean Debian 11 root. Needs root and debootstrap; output in
# dist/compat/ (report.txt), roots in build/compat/. See bundle/compat.py.
dist-compat:
	$(PYTHON) -m bundle.compat

clean:
	$(PYTHON) -c "import shutil, glob; [shutil.rmtree(p, True) for p in ['$(VENV)', 'build', 'dist', *glob.glob('*.egg-info')]]"
