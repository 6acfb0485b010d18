# The two commands from README.md:
#   make        installs missing system packages, builds release, builds the site into Public/
#   make test   builds, lints, builds the real site into a temp folder, runs every test
SWIFT ?= swift
APT_PACKAGES := libcmark-dev libcurl4-openssl-dev cmark pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/helpcenter
DEBUG_BIN := .build/debug/helpcenter
LINT_PATHS := Sources Tests Package.swift

.PHONY: all deps release site test lint format clean

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

release: deps
	$(SWIFT) build -c release --product helpcenter
	$(SWIFT) build -c release --product verify

## site: the help center into Public/.
site: release
	$(RELEASE_BIN) build

lint:
	$(SWIFT) format lint --strict -r $(LINT_PATHS)

format:
	$(SWIFT) format -i -r $(LINT_PATHS)

## test: swift test runs last so its summary is the closing line.
test: deps
	$(SWIFT) build
	$(MAKE) --no-print-directory lint
	tmp=$$(mktemp -d) && $(DEBUG_BIN) build --output "$$tmp/Public" && rm -rf "$$tmp"
	$(SWIFT) test

clean:
	rm -rf .build Public
