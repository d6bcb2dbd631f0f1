#!/usr/bin/env bash
# Time from `./assay serve` to a healthy server and the server's memory, over RUNS starts (the first on a fresh data
# directory, which Flyway migrates; the others reuse it): per run the milliseconds to healthy, the RSS once healthy
# and after a short burst of page requests; then the median and spread of each. With `--steps`, one more start
# records a JFR file with Spring's start-up steps and prints the slowest steps and the hottest frames. Each start
# on the reused data directory is followed by one without the launcher's class-data archive (ASSAY_CDS=off, the
# jar as built), so that the ratio of the two says what the archive saves under the same load. Each start also reports
# the CPU milliseconds the JVM used until healthy, which depend less on the machine's load than the wall-clock time.
#   bench/startup.sh [RUNS] [BURST] [--steps]      (defaults 5 30: RUNS starts, BURST requests after each start)
# ASSAY_JAVA_OPTS passes through (e.g. -XX:+UseSerialGC to compare collectors).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
steps="" args=()
for arg in "$@"; do
  if [ "$arg" = --steps ]; then steps=yes; else args+=("$arg"); fi
done
runs=${args[0]:-5} burst=${args[1]:-30}
need curl curl
"$root/assay" --version >/dev/null   # builds once if needed, and the launcher's archives, outside the measurement
work=$(mktemp -d)
trap 'stop_assay; rm -rf "$work"' EXIT
data="$work/data"
port=$(free_port)

# Starts the server as start_assay does but without its build check, so that the time is the start alone; sets $ms
# and $cpu, the CPU milliseconds the JVM used until healthy (all its threads: less dependent on the load than $ms).
timed_start() {
  local start end
  start=$(date +%s%N)
  "$root/assay" serve --port "$port" --data "$data" >"$data.log" 2>&1 &
  assay_pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$assay_pid" 2>/dev/null || { cat "$data.log" >&2; echo "bench: Assay did not start" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$assay_pid/stat")
}

rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$assay_pid/status"; }

# The pages a visitor and pip ask for first: each compiles its templates and warms its code paths.
load() {
  local base="http://127.0.0.1:$port" i
  for i in $(seq 1 "$burst"); do
    for page in / /simple/ /simple/?format=json /projects /search?q=demo /login /api/docs/openapi.json; do
      curl -s -o /dev/null "$base$page" || true
    done
  done
}

summary() {  # label unit values…
  python3 - "$@" <<'EOF'
import statistics, sys
label, unit, values = sys.argv[1], sys.argv[2], [float(v) for v in sys.argv[3:]]
print(f"{label:<28} median {statistics.median(values):,.0f} {unit} (runs {min(values):,.0f}-{max(values):,.0f}, n={len(values)})")
EOF
}

# The launcher writes the server's class-data archive in the background after a first start: have it now.
archive="$root/assay-server/target/extracted/serve.jsa"
if [ ! -f "$archive" ] && [ "${ASSAY_CDS:-}" != off ]; then
  echo "writing the class-data archive first…" >&2
  ASSAY_CDS_DELAY=0 timed_start; stop_assay; rm -rf "$data" "$data.log"
  for _ in $(seq 1 600); do [ -f "$archive" ] || [ -f "$archive.failed" ] && break; sleep 1; done
  [ -f "$archive" ] || echo "bench: no class-data archive was written; measuring without" >&2
fi

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "run  ms-to-healthy  CPU-ms  RSS-started  RSS-after-burst  ms-without-archive  CPU-ms-without"
echo "     (run 1 creates the database; later runs reuse it and alternate with a start without the archive)"
all_ms=() all_cpu=() started=() loaded=() pairs="" cpu_pairs=""
for i in $(seq 1 "$runs"); do
  timed_start
  rss=$(rss_mb)
  load
  after=$(rss_mb)
  stop_assay
  all_ms+=("$ms") all_cpu+=("$cpu") started+=("$rss") loaded+=("$after")
  without="-" cpu_without="-"
  if [ "$i" -gt 1 ]; then
    with=$ms with_cpu=$cpu
    ASSAY_CDS=off timed_start; stop_assay
    without=$ms pairs+="$with $without"$'\n' cpu_without=$cpu cpu_pairs+="$with_cpu $cpu"$'\n'
  fi
  printf '%-4s %-14s %-7s %-12s %-16s %-19s %s\n' "$i" "${all_ms[-1]}" "${all_cpu[-1]}" "${rss} MB" "${after} MB" \
    "$without" "$cpu_without"
done
summary "ms to healthy" ms "${all_ms[@]}"
summary "CPU ms to healthy" ms "${all_cpu[@]}"
summary "RSS once healthy" MB "${started[@]}"
summary "RSS after $((burst * 7)) requests" MB "${loaded[@]}"
[ -n "$pairs" ] && printf '%s' "$pairs" | python3 "$root/bench/lib/ratio.py" "ms to healthy, archive/none" ms \
  "3,000 ms with the archive on an idle machine"
[ -n "$cpu_pairs" ] && printf '%s' "$cpu_pairs" | python3 "$root/bench/lib/ratio.py" "CPU ms to healthy, archive/none" ms

if [ -n "$steps" ]; then
  need jfr openjdk-17-jdk-headless
  recording="$work/startup.jfr"
  ASSAY_JAVA_OPTS="${ASSAY_JAVA_OPTS:-} -Dassay.startup-steps=jfr -XX:StartFlightRecording=filename=$recording,settings=profile" \
    timed_start
  # the recording is written when the JVM ends
  stop_assay
  echo
  echo "slowest start-up steps (Spring's ApplicationStartup, ms; a step includes the steps inside it):"
  jfr print --json --events FlightRecorderStartupEvent "$recording" | python3 "$root/bench/lib/startup_steps.py"
  echo
  echo "hottest frames during start-up (JFR execution samples):"
  jfr print --events jdk.ExecutionSample "$recording" | grep -A1 'stackTrace = \[' | grep -v 'stackTrace\|^--' \
    | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -15
fi
