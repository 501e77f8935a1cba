# SPDX-License-Identifier: GPL-2.0-or-later
# Convenience targets around meson. `make` configures and builds into build/.

BUILD ?= build
MESON_ARGS ?=
# Suites `make check` runs: everything that finishes in minutes.
CHECK_SUITES ?= unit qapi-schema functional

.PHONY: all setup setup-check check check-valgrind check-asan check-fuzz run fuzz clean \
	distclean initramfs run-linux

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	meson setup $(MESON_ARGS) $(BUILD)

setup:
	scripts/setup-deps

# The tests also want QEMU and Debian's kernel: tests/nested/kvm-nested runs
# the KVM tests in a nested VM when the host has no /dev/kvm.
setup-check:
	scripts/setup-deps --bench --linux

# Suites that have no tests yet are skipped by scripts/run-tests.
check: setup-check
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

# The virt machine boots the kvmini guest's shell: its console and the HMP
# monitor share the terminal (Ctrl-A c switches, Ctrl-A h helps, Ctrl-A x
# quits), and a QMP socket serves kvmini-qmp or any QMP client. Without a
# usable /dev/kvm it runs in a nested VM (tests/nested/kvm-nested), where
# the QMP socket is only reachable from inside.
RUN_ARGS ?= -nographic -serial mon:stdio
run: setup
	$(MAKE) all
	@if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then \
	    echo "kvmini: QMP socket $(abspath $(BUILD))/qmp.sock (try: $(BUILD)/kvmini-qmp $(BUILD)/qmp.sock query-status)"; \
	    echo "kvmini: the kvmini guest's shell follows (type help); Ctrl-A x quits"; \
	    exec $(BUILD)/kvmini $(RUN_ARGS) -qmp unix:$(abspath $(BUILD))/qmp.sock,server=on,wait=off; \
	else \
	    scripts/setup-deps --bench --linux; \
	    echo "kvmini: the kvmini guest's shell follows (type help); Ctrl-A x quits"; \
	    exec tests/nested/kvm-nested --interactive $(abspath $(BUILD))/kvmini $(RUN_ARGS) -qmp unix:/run/kvmini-qmp.sock,server=on,wait=off; \
	fi

# The Linux guests' initramfs: busybox and the newest installed Debian
# kernel's virtio modules (docs/user/linux-guest.md).
initramfs:
	scripts/setup-deps --linux
	scripts/mkinitramfs -o $(BUILD)/guest/initramfs.cpio.gz

# Boot the newest installed Debian kernel with that initramfs. Needs a host
# with hardware virtualization: under PVM stock Linux does not get far.
# Without /dev/kvm it runs in a nested VM like `make run` (slow: emulated).
RUN_LINUX_ARGS = -nographic -m 512M -initrd $(abspath $(BUILD))/guest/initramfs.cpio.gz \
	-append "console=ttyS0 earlyprintk=ttyS0"
run-linux:
	$(MAKE) all
	$(MAKE) initramfs
	@kernel=$$(ls /boot/vmlinuz-* | sort -V | tail -n 1); \
	if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then \
	    exec $(BUILD)/kvmini $(RUN_LINUX_ARGS) -kernel "$$kernel"; \
	else \
	    scripts/setup-deps --bench; \
	    exec tests/nested/kvm-nested --interactive $(abspath $(BUILD))/kvmini \
	        $(RUN_LINUX_ARGS) -kernel "$$kernel"; \
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
