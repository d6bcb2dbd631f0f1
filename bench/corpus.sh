#!/usr/bin/env bash
# Runs a real-wheels test over the whole local PyPI mirror that this machine's pip configuration names (`pip config
# list`: index-url, extra-index-url, find-links) instead of the suite's sample (-Dassay.corpus=all), on H2. Several
# minutes on two cores.
#
#   bench/corpus.sh            uploads EVERY wheel under 5 MB, each with the form twine sends, and prints
#                              "accepted N of M" with each refusal and its reason (RealWheelsOnH2Test; the suite
#                              uploads every 4th wheel by name)
#   bench/corpus.sh trust      uploads, oldest version first, every project with two or more versions of wheels under
#                              5 MB, reads each release's page, diff page and diff, behaviour, source and downstream
#                              APIs (all must answer 200, each diff must count what the two releases' wheels hold) and
#                              prints "real releases on h2: N projects, M releases read, K problems"
#                              (RealReleasesOnH2Test; the suite takes five projects)
#
# Add POSTGRES=1 (and source the PostgreSQL test settings) to run it on PostgreSQL too.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
case "${1:-uploads}" in
  uploads) test=RealWheels; printed='real wheels on|SKIPPING THE REAL-WHEELS'; refused='PyPI accepted every one' ;;
  trust) test=RealReleases; printed='real releases on|SKIPPING THE REAL-RELEASES'
    refused='what the trust pages and APIs got wrong' ;;
  *) echo "usage: bench/corpus.sh [uploads|trust]" >&2; exit 2 ;;
esac
tests="${test}OnH2Test"
[ "${POSTGRES:-0}" = 1 ] && tests="$tests,${test}OnPostgresTest"
log=$(mktemp)
status=0
./mvnw -B -q -ntp -pl assay-server -am test -Dassay.corpus=all -Dtest="$tests" \
  -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || status=$?
grep -E "$printed" "$log" || true
if [ "$status" -ne 0 ]; then
  grep -A200 "$refused" "$log" | head -200
  echo "full log: $log"
fi
exit "$status"
