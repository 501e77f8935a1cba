# SPDX-License-Identifier: GPL-2.0-or-later
# Convenience targets around meson. `make` configures and builds into build/.

BUILD ?= build
MESON_ARGS ?=
# Suites `make check` runs: everything that finishes in minutes.
CHECK_SUITES ?= unit qapi-schema functional

.PHONY: all setup check check-valgrind check-asan check-fuzz run fuzz clean distclean \
	initramfs run-linux

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

# Until the virt machine exists, kvmini runs the empty "none" machine: the
# HMP monitor on the terminal (Ctrl-A h for help, Ctrl-A x to quit) and a
# QMP socket for kvmini-qmp or any QMP client.
run: setup
	$(MAKE) all
	@echo "kvmini: QMP socket $(abspath $(BUILD))/qmp.sock (try: $(BUILD)/kvmini-qmp $(BUILD)/qmp.sock query-status)"
	@echo "kvmini: no guest yet (the virt machine is not built); Ctrl-A x quits"
	exec $(BUILD)/kvmini -nographic -serial mon:stdio -qmp unix:$(abspath $(BUILD))/qmp.sock,server=on,wait=off

# The Linux guests' initramfs: busybox and the newest installed Debian
# kernel's virtio modules (docs/user/linux-guest.md).
initramfs:
	scripts/setup-deps --linux
	scripts/mkinitramfs -o $(BUILD)/guest/initramfs.cpio.gz

# Boot the newest installed Debian kernel with that initramfs. Needs a host
# with hardware virtualization: under PVM stock Linux does not get far.
run-linux:
	$(MAKE) all
	$(MAKE) initramfs
	kernel=$$(ls /boot/vmlinuz-* | sort -V | tail -n 1) && \
	exec $(BUILD)/kvmini -nographic -m 512M -kernel "$$kernel" \
	    -initrd $(BUILD)/guest/initramfs.cpio.gz \
	    -append "console=ttyS0 earlyprintk=ttyS0"

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
