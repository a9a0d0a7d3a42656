SHELL := /bin/bash
# briefing — the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)
APT_UPDATED := .build/.apt-updated
RELEASE_BIN := .build/release/briefing

.PHONY: all site test deps build release extract-score bench fuzz clean

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

## Every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build 2>&1 | tee .build/test-output.txt; exit $${PIPESTATUS[0]}

## Extraction scores on the evaluation sets (release build).
extract-score: release
	python3 ../shared/eval/score.py ../shared/eval/seed ../shared/eval/quotes-ggt-dev ../shared/eval/quotes-polnear-dev \
	  ../shared/eval/keypoints-bbc-dev ../shared/eval/sentences-golden-rules \
	  --cmd '$(RELEASE_BIN) extract --format json' --name briefing

clean:
	rm -rf .build .briefing-cache
