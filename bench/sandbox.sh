#!/usr/bin/env bash
# Benchmark of the pipeline sandbox's overhead (a measurement, not a test).
#
#   bench/sandbox.sh [RUNS] [ROUNDS]      defaults: 5 3
#
# Runs `python3 -c pass` and a 20-test pytest run bare, in a minimal bwrap (fresh namespaces, the host
# read-only: the floor any bubblewrap sandbox pays), in the sandbox as the pipeline runs it (`Sandbox.run`) and
# in the sandbox under `strace -f` (how build, install, import and test run), one after the other, RUNS times a
# round, ROUNDS rounds; prints each round's medians, the ms over bare and the ratios with their spread.
# ASSAY_JAVA_OPTS passes options to the JVM (e.g. -Djdk.lang.Process.launchMechanism=VFORK).
# Needs: bubblewrap, strace, python3-pytest (run as root, as the pipeline's sandbox drops to nobody).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
runs="${1:-5}"
rounds="${2:-3}"
need bwrap bubblewrap
need strace strace
python3 -c 'import pytest' 2>/dev/null || { echo "bench: pytest is missing: apt-get install -y python3-pytest" >&2; exit 2; }
work=$(mktemp -d /tmp/assay-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
ws="$work/workspace"
mkdir -p "$ws/project/tests" "$work/ratios"
for i in $(seq 1 20); do
  printf 'def test_%s():\n    assert sum(range(%s)) == %s\n' "$i" "$i" "$((i * (i - 1) / 2))" >> "$ws/project/tests/test_sums.py"
done
chmod -R a+rwX "$ws"
(cd "$root" && ./mvnw -B -q -ntp package -pl assay-tasks -am -DskipTests >/dev/null)
classpath="$root/assay-tasks/target/classes:$root/assay-packaging/target/classes"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(date -u +%Y-%m-%d)"
# shellcheck disable=SC2086
java ${ASSAY_JAVA_OPTS:-} -cp "$classpath" "$root/bench/SandboxOverhead.java" "$runs" "$rounds" "$ws" \
  "$work/ratios"
for measure in python3-pass pytest; do
  for pair in bwrap-bare sandboxed-bare traced-bare sandboxed-bwrap; do
    python3 "$root/bench/lib/ratio.py" "$measure ${pair/-//}" ms <"$work/ratios/$measure.$pair"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
