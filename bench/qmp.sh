#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench/qmp.sh: kvmini's QMP server side by side with QEMU's, in one run, by
# the same client (bench/qmp-bench.c): start-up to greeting, sequential
# query-status round trips, and pipelined ones. Both VMMs run `-M none -S
# -nodefaults` with a QMP unix socket. Prints a table with the ratio
# kvmini/QEMU for each measurement (higher is better for rates, lower for
# times). Targets (issue 5): greeting under 10 ms, sequential rate at least
# twice QEMU's.
#
# Usage: bench/qmp.sh [BUILDDIR]     (default: build; QEMU from
#        scripts/setup-deps --bench)
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
bench=$build/bench/qmp-bench
kvmini=$build/kvmini
qemu=$(command -v qemu-system-x86_64 || true)
for f in "$bench" "$kvmini"; do
    if [[ ! -x $f ]]; then
        echo "bench/qmp.sh: $f is missing; run 'make' first" >&2
        exit 1
    fi
done
if [[ -z $qemu ]]; then
    echo "bench/qmp.sh: qemu-system-x86_64 is missing; run 'scripts/setup-deps --bench'" >&2
    exit 1
fi

runs=${QMP_BENCH_RUNS:-20}
requests=${QMP_BENCH_REQUESTS:-20000}
common=(-M none -S -nodefaults -qmp unix:@SOCK@,server=on,wait=off)

measure() {     # VMM... -> "greeting_best greeting_median sequential pipelined"
    local g s p
    g=$("$bench" greeting "$runs" "$@")
    s=$("$bench" sequential "$requests" "$@")
    p=$("$bench" pipelined "$requests" "$@")
    echo "$(awk '{print $2}' <<<"$g" | xargs) ${s#* } ${p#* }"
}

read -r kg kgm ks kp <<<"$(measure "$kvmini" "${common[@]}")"
read -r qg qgm qs qp <<<"$(measure "$qemu" "${common[@]}" -display none)"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-28s %12s %12s %10s\n' measurement kvmini qemu ratio
printf '%-28s %12s %12s %10s\n' 'greeting best (ms)' "$kg" "$qg" "$(ratio "$kg" "$qg")"
printf '%-28s %12s %12s %10s\n' 'greeting median (ms)' "$kgm" "$qgm" "$(ratio "$kgm" "$qgm")"
printf '%-28s %12s %12s %10s\n' 'sequential (req/s)' "$ks" "$qs" "$(ratio "$ks" "$qs")"
printf '%-28s %12s %12s %10s\n' 'pipelined (req/s)' "$kp" "$qp" "$(ratio "$kp" "$qp")"
