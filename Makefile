# Developer tasks; `bash setup.sh` does the set-up. Run `make help`.
VENV := .venv/bin
.PHONY: help test lint translations build bench screenshots docs-screenshots

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

test:  ## set up and run the test suite
	bash setup.sh test

lint:  ## ruff (lint and format), mypy, import-linter
	$(VENV)/ruff check . && $(VENV)/ruff format --check . && $(VENV)/mypy && $(VENV)/lint-imports

translations:  ## refresh the .ts from the sources, then build the .qm
	$(VENV)/pyside6-lupdate ui/*.py ui/pages/*.py ui/models/*.py ui/dialogs/*.py ui/inspection/*.py ui/office/*.py -ts ui/i18n/inspector_zh_CN.ts ui/i18n/inspector_en.ts -no-obsolete
	$(VENV)/pyside6-lrelease ui/i18n/*.ts

build:  ## the PyInstaller onedir bundle in dist/inspector-app
	$(VENV)/pyinstaller --noconfirm build.spec

bench:  ## the benchmarks of docs/performance.md
	env -u PYTHONDONTWRITEBYTECODE $(VENV)/python bench/startup.py
	env -u PYTHONDONTWRITEBYTECODE $(VENV)/python bench/evaluate.py
	env -u PYTHONDONTWRITEBYTECODE $(VENV)/python bench/inspection_list.py
	env -u PYTHONDONTWRITEBYTECODE $(VENV)/python bench/unlock.py
	env -u PYTHONDONTWRITEBYTECODE $(VENV)/python bench/sync.py
	env -u PYTHONDONTWRITEBYTECODE $(VENV)/python bench/office.py

screenshots:  ## every main page as PNG from a fresh demo database, in screenshots/
	$(VENV)/inspector-app demo --force --db screenshots/demo.sqlite >/dev/null
	QT_QPA_PLATFORM=offscreen $(VENV)/inspector-app screenshot --db screenshots/demo.sqlite screenshots

docs-screenshots:  ## the README's images in docs/screenshots/, from a fresh demo database
	$(VENV)/inspector-app demo --force --db screenshots/demo.sqlite >/dev/null
	QT_QPA_PLATFORM=offscreen $(VENV)/inspector-app screenshot --readme --db screenshots/demo.sqlite docs/screenshots
