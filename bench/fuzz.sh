#!/usr/bin/env bash
# A longer fuzzing run of the index than the suite's (a search for bugs, not a measurement).
#
#   bench/fuzz.sh [SEED] [SECONDS] [h2|postgresql]      defaults: a random seed, 600, h2
#
# Runs IndexFuzzOnH2Test (or IndexFuzzOnPostgresTest: `source` the ASSAY_TEST_POSTGRES_* variables first)
# with the seed and time given: mutated uploads for half the time, then mutated reads. Prints the counts per
# status and the slowest cases; every failing upload is written to assay-server/target/fuzz-failures as the
# exact multipart body plus how it was made, replayable with curl. The same seed gives the same cases.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seed="${1:-$RANDOM}"; seconds="${2:-600}"; database="${3:-h2}"
case "$database" in
  h2) test=IndexFuzzOnH2Test ;;
  postgresql) test=IndexFuzzOnPostgresTest ;;
  *) echo "usage: bench/fuzz.sh [SEED] [SECONDS] [h2|postgresql]" >&2; exit 2 ;;
esac
echo "fuzz: seed $seed, ${seconds}s, $database"
cd "$root"
set +e
./mvnw -B -q -ntp -pl assay-server -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dassay.fuzz.seed="$seed" -Dassay.fuzz.seconds="$seconds" -Dassay.fuzz.uploads=100000000 \
  -Dassay.fuzz.reads=100000000 2>&1 | grep -v -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}T.* (INFO|DEBUG|WARN) |^\s+at |^\s+\.\.\. [0-9]+ |^$'
status=${PIPESTATUS[0]}
exit "$status"
