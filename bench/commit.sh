#!/usr/bin/env bash
# Benchmark of durable commits on the embedded H2 database (a measurement, not a test).
#
#   bench/commit.sh [COMMITS]      default: 2000
#
# Commits one-row transactions to an H2 file with H2's default write delay, with WRITE_DELAY=0 (what
# Assay's embedded default uses) and with WRITE_DELAY=0 plus CHECKPOINT SYNC after each commit (what an
# upload does before answering 200), on the H2 version Assay ships, and prints commits per second.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
commits="${1:-2000}"
work=$(mktemp -d /tmp/assay-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$root" && ./mvnw -B -q package -pl assay-server -am -DskipTests >/dev/null)
(cd "$work" && unzip -q -j "$root/assay-server/target/assay.jar" 'BOOT-INF/lib/h2-*.jar')
java -cp "$(ls "$work"/h2-*.jar)" "$root/bench/H2Commits.java" "$commits" "$work"
