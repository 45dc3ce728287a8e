# sshs — build, test and install. `make demo` and `make test` work on a fresh Debian 12 machine.
PREFIX ?= /usr/local
SWIFT ?= swift
APT_PACKAGES := libssh2-1-dev libedit-dev openssh-server openssh-client pkg-config
# Only some tests need these (the $.sudo test); without them those tests print a notice.
TEST_APT_PACKAGES := sudo
RELEASE_BIN := .build/release/sshs

.PHONY: deps test-deps build test demo install bench lint clean

# Installs the system packages that are missing (as root), or says what to run.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing system packages:$$missing"; \
	    echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

# Installs the packages some tests use, when that is possible (as root); never fails.
test-deps:
	@for p in $(TEST_APT_PACKAGES); do \
	  if ! dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed"; then \
	    if [ "$$(id -u)" = 0 ]; then \
	      echo "installing $$p (for the tests)"; \
	      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$p) || echo "could not install $$p"; \
	    else \
	      echo "notice: $$p is not installed; the tests that need it will not run"; \
	    fi; \
	  fi; \
	done

build: deps
	$(SWIFT) build -c release --product sshs

test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: build
	$(RELEASE_BIN) --check Samples/*.sshs
	@echo "--- Samples/hello.sshs parses; its syntax tree:"
	$(RELEASE_BIN) --dump-ast Samples/hello.sshs
	@echo "--- Samples/hello.sshs runs (local commands):"
	$(RELEASE_BIN) Samples/hello.sshs
	@echo "--- Samples/inventory.sshs runs (the Python part of sshs):"
	$(RELEASE_BIN) Samples/inventory.sshs

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/sshs

bench: deps
	$(SWIFT) build -c release
	Benchmarks/parse/run.sh
	Benchmarks/interp/run.sh
	Benchmarks/local/run.sh
	Benchmarks/ssh/run.sh

# Style check with the toolchain's swift-format and the committed .swift-format.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Benchmarks Package.swift

clean:
	rm -rf .build
