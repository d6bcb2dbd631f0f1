#!/usr/bin/env bash
# Benchmark of the pipeline sandbox's overhead (a measurement, not a test).
#
#   bench/sandbox.sh [RUNS]      default: 15
#
# Runs `python3 -c pass` and a 20-test pytest run bare, in the bubblewrap sandbox the pipeline uses, and in
# the sandbox under `strace -f` (how build, install, import and test run), and prints the medians.
# Needs: bubblewrap, strace, python3-pytest (run as root, as the pipeline's sandbox drops to nobody).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-15}"
work=$(mktemp -d /tmp/assay-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/project/tests"
for i in $(seq 1 20); do
  printf 'def test_%s():\n    assert sum(range(%s)) == %s\n' "$i" "$i" "$((i * (i - 1) / 2))" >> "$work/project/tests/test_sums.py"
done
chmod -R a+rwX "$work"
(cd "$root" && ./mvnw -B -q package -pl assay-tasks -am -DskipTests >/dev/null)
classpath="$root/assay-tasks/target/classes:$root/assay-packaging/target/classes"
java -cp "$classpath" "$root/bench/SandboxOverhead.java" "$runs" "$work"
