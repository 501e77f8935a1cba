# SPDX-License-Identifier: GPL-2.0-or-later
# Convenience targets around meson. `make` configures and builds into build/.

BUILD ?= build
MESON_ARGS ?=
# Suites `make check` runs: everything that finishes in minutes.
CHECK_SUITES ?= unit qapi-schema functional

.PHONY: all setup check check-valgrind check-asan check-fuzz run fuzz clean distclean

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	meson setup $(MESON_ARGS) $(BUILD)

setup:
	scripts/setup-deps

# Suites that have no tests yet are skipped by scripts/run-tests.
check: setup
	$(MAKE) all
	scripts/run-tests $(BUILD) $(CHECK_SUITES)

# Unit tests under valgrind (memcheck, leaks as errors).
check-valgrind: setup
	$(MAKE) all
	scripts/run-tests --setup=valgrind $(BUILD) unit

# Unit tests in a separate AddressSanitizer + UndefinedBehaviorSanitizer build.
check-asan: setup
	$(MAKE) BUILD=build-asan MESON_ARGS="-Db_sanitize=address,undefined -Db_lundef=false" all
	scripts/run-tests build-asan unit

run: setup
	$(MAKE) all
	@if [ -x $(BUILD)/kvmini ]; then \
	    exec $(BUILD)/kvmini -nographic; \
	else \
	    echo "make run: the kvmini machine is not built yet (it arrives with the 'virt' machine)"; \
	fi

# Build the libFuzzer targets with clang into build-fuzz/ (see tests/fuzz/README.md).
fuzz:
	scripts/setup-deps --fuzz
	CC=clang $(MAKE) BUILD=build-fuzz \
	    MESON_ARGS="-Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false" all

# Replay every fuzzer's seed corpus once, under the sanitizers.
check-fuzz: fuzz
	scripts/run-tests build-fuzz fuzz

clean:
	ninja -C $(BUILD) clean

distclean:
	rm -rf build build-asan build-fuzz
