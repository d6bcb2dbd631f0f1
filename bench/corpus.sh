#!/usr/bin/env bash
# Uploads EVERY wheel under 5 MB of the local PyPI mirror that this machine's pip configuration names
# (`pip config list`: index-url, extra-index-url, find-links), each with the form twine sends, to a test server on
# H2, and prints "accepted N of M" with each refusal and its reason. The suite uploads every 4th wheel by name;
# this runs the same test over all of them (-Dassay.corpus=all). Several minutes on two cores.
#
#   bench/corpus.sh            add POSTGRES=1 (and source the PostgreSQL test settings) to run it on PostgreSQL too
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
tests='RealWheelsOnH2Test'
[ "${POSTGRES:-0}" = 1 ] && tests="$tests,RealWheelsOnPostgresTest"
log=$(mktemp)
status=0
./mvnw -B -q -ntp -pl assay-server -am test -Dassay.corpus=all -Dtest="$tests" \
  -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || status=$?
grep -E 'real wheels on|SKIPPING THE REAL-WHEELS' "$log" || true
if [ "$status" -ne 0 ]; then
  grep -A200 'PyPI accepted every one' "$log" | head -200
  echo "full log: $log"
fi
exit "$status"
