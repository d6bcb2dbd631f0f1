#!/usr/bin/env bash
# Probe of sandboxed runs that end wrongly under load (a probe, not a test).
#
#   bench/sandbox-stress.sh [ITERATIONS] [THREADS]      defaults: 100 3
#
# THREADS threads each run ITERATIONS traced commands that succeed (file access and a curl that cannot
# connect), while one more thread runs a fork bomb, a memory hog and double-forked sleepers (traced and not).
# Prints each run that did not end as expected (exit code, limits, what it named as left running) and a tally.
# Needs: bubblewrap, strace, curl (run as root, as the pipeline's sandbox drops to nobody).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
iterations="${1:-100}"; threads="${2:-3}"
work=$(mktemp -d /tmp/assay-stress-XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
(cd "$root" && ./mvnw -B -q package -pl assay-tasks -am -DskipTests >/dev/null)
classpath="$root/assay-tasks/target/classes:$root/assay-packaging/target/classes"
java -cp "$classpath" "$root/bench/SandboxStress.java" "$iterations" "$threads" "$work"
