#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench/boot.sh: the kvmini guest booted by kvmini's virt machine and by
# qemu-system-x86_64 -M microvm -accel kvm (PVH through qboot), in one
# run, measured by the same helper (bench/boot-bench.c):
#   - median ms from process start to the guest's first serial line
#     ("kvmini guest: hello") and to the VMM's exit (hello mode, N runs)
#   - median ms from process start to the QMP greeting (-S, N runs)
#   - the VMM's VmRSS beyond guest RAM: VmRSS while the guest sits at its
#     shell prompt, minus the resident part of the guest RAM mapping
# and the ratios kvmini/QEMU (lower is better). Targets (issue 6): faster
# than QEMU microvm to the first line, under 10 MiB of VMM overhead.
#
# Without a usable /dev/kvm it runs itself under tests/nested/kvm-nested:
# both VMMs then use the same nested KVM, so the ratios are what counts.
#
# Usage: bench/boot.sh [BUILDDIR [RUNS]]     (default: build, 10 runs
#        each; QEMU from scripts/setup-deps --bench)
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

build=${1:-build}
runs=${2:-10}
ram_mib=128
helper=$build/bench/boot-bench
kvmini=$build/kvmini
guest=$build/guest/kvmini-guest.elf
qemu=$(command -v qemu-system-x86_64 || true)

for f in "$helper" "$kvmini" "$guest"; do
    if [[ ! -e $f ]]; then
        echo "bench/boot.sh: $f is missing; run 'make' first" >&2
        exit 1
    fi
done
if [[ -z $qemu ]]; then
    echo "bench/boot.sh: qemu-system-x86_64 is missing; run 'scripts/setup-deps --bench'" >&2
    exit 1
fi

if [[ ! -r /dev/kvm || ! -w /dev/kvm ]] && [[ -z ${KVM_NESTED_INSIDE:-} ]]; then
    if [[ -n ${BOOT_BENCH_NESTED:-} ]]; then
        echo "bench/boot.sh: no /dev/kvm, and tests/nested/kvm-nested cannot make one" >&2
        exit 1
    fi
    echo "bench/boot.sh: no usable /dev/kvm here; running under tests/nested/kvm-nested"
    export BOOT_BENCH_NESTED=1
    exec tests/nested/kvm-nested --timeout 3600 "$0" "$build" "$runs"
fi
if [[ -n ${KVM_NESTED_INSIDE:-} ]]; then
    echo "nested: both VMMs run on the same nested KVM (kvm-amd in a QEMU TCG VM);"
    echo "        absolute times are far above bare metal, compare the ratios"
fi

qemu_cmd=("$qemu" -M microvm -accel kvm -m "$ram_mib" -nodefaults -no-reboot
          -display none -serial mon:stdio
          -device isa-debug-exit,iobase=0xf4,iosize=4 -kernel "$guest")
kvmini_cmd=("$kvmini" -nographic -m "${ram_mib}M" -kernel "$guest")

# "first exit greeting overhead status" for the VMM command line "$@".
measure() {
    local s g r
    s=$("$helper" serial "$runs" "kvmini guest: hello" "$@" -append hello)
    g=$("$helper" greeting "$runs" "$@" -S -qmp unix:@SOCK@,server=on,wait=off)
    r=$("$helper" rss "$ram_mib" "kvmini> " "$@" -append shell)
    echo "$(awk '/^first_line/ {print $2}' <<<"$s")" \
         "$(awk '/^exit_median/ {print $2}' <<<"$s")" \
         "$(awk '/^greeting_median/ {print $2}' <<<"$g")" \
         "$(awk '/^overhead/ {print $2}' <<<"$r")" \
         "$(awk '/^exit_status/ {print $2}' <<<"$s")"
}

read -r qf qe qg qo qs <<<"$(measure "${qemu_cmd[@]}")"
read -r kf ke kg ko ks <<<"$(measure "${kvmini_cmd[@]}")"

ratio() {
    if [[ $1 == - || $2 == - ]]; then
        echo -
    else
        awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
    fi
}
echo "kvmini guest, $runs runs each, medians; guest RAM $ram_mib MiB"
printf '%-32s %10s %10s %8s\n' measurement kvmini qemu ratio
printf '%-32s %10s %10s %8s\n' 'first serial line (ms)' "$kf" "$qf" "$(ratio "$kf" "$qf")"
printf '%-32s %10s %10s %8s\n' 'exit (ms)' "$ke" "$qe" "$(ratio "$ke" "$qe")"
printf '%-32s %10s %10s %8s\n' 'QMP greeting (ms)' "$kg" "$qg" "$(ratio "$kg" "$qg")"
printf '%-32s %10s %10s %8s\n' 'RSS beyond guest RAM (KiB)' "$ko" "$qo" "$(ratio "$ko" "$qo")"
printf '%-32s %10s %10s\n' 'exit status (hello: 1)' "$ks" "$qs"
