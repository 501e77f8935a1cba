#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench/qapi-gen.sh: how long the QAPI compiler takes, and how much memory,
# on the stress schema (scripts/qapi-stress-schema.py), the test schema and
# the project schema (qapi/qapi-schema.json, when it exists). Each schema
# is checked only (--dump) and compiled to C (all files, with -b); the
# table shows the best wall time of 5 runs and the peak RSS, which
# /usr/bin/time measures when it is installed (package "time").
#
# Usage: bench/qapi-gen.sh [BUILDDIR]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build}
gen=$build/scripts/qapi-gen/qapi-gen
runs=5
if [[ ! -x $gen ]]; then
    echo "bench/qapi-gen.sh: $gen is missing; run 'make' first" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/qapi-stress-schema.py "$tmp/stress.json"

# Best wall time in ms over $runs runs of "$@", and peak RSS in KiB (or -).
measure() {
    local best= rss=- t0 t1 ms i
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        "$@" > /dev/null
        t1=$(date +%s%N)
        ms=$(( (t1 - t0) / 1000000 ))
        if [[ -z $best ]] || (( ms < best )); then
            best=$ms
        fi
    done
    if [[ -x /usr/bin/time ]]; then
        rss=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
    fi
    echo "$best $rss"
}

row() {
    local name=$1 schema=$2 lines check compile
    lines=$(wc -l < "$schema")
    check=$(measure "$gen" --dump "$schema")
    rm -rf "$tmp/out"
    compile=$(measure "$gen" -o "$tmp/out" -b -p bench- "$schema")
    printf '%-22s %8s %10s %10s %10s %10s %8s\n' "$name" "$lines" \
        "${check% *}" "${check#* }" "${compile% *}" "${compile#* }" \
        "$(ls "$tmp/out" | wc -l)"
}

printf '%-22s %8s %10s %10s %10s %10s %8s\n' schema lines \
    'check ms' 'check KiB' 'gen ms' 'gen KiB' files
row stress "$tmp/stress.json"
row qapi-schema-test tests/qapi-schema/qapi-schema-test.json
if [[ -f qapi/qapi-schema.json ]]; then
    row qapi/qapi-schema.json qapi/qapi-schema.json
fi
