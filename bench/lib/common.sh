# Shared by the benchmarks in bench/: free ports, starting and stopping Assay, alternating rounds.
# Source it: . "$(dirname "$0")/lib/common.sh"   (sets $root, the repository's root)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Fails with the command to run when a Debian package's program is missing.
need() {  # program package
  command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is missing: apt-get install -y $2" >&2; exit 2; }
}

# Checks that ASSAY_DATABASE_URL (jdbc:postgresql://host:port/db) names an EMPTY PostgreSQL database, and defines
# `sql`: psql on it as ASSAY_DATABASE_USER with ASSAY_DATABASE_PASSWORD, stopping at the first error.
empty_postgres() {  # script (named in the error)
  need psql postgresql-client
  psql_url="postgresql://${ASSAY_DATABASE_URL#jdbc:postgresql://}"
  sql() { PGPASSWORD="${ASSAY_DATABASE_PASSWORD:-}" psql -q -v ON_ERROR_STOP=1 -U "${ASSAY_DATABASE_USER:-$USER}" \
            -d "$psql_url" "$@"; }
  [ "$(sql -tAc "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()")" = 0 ] ||
    { echo "bench: $ASSAY_DATABASE_URL is not empty: give $1 a new database" >&2; exit 2; }
}

# Starts `./assay serve` on PORT with DATA in the background (its log in DATA.log) and waits until it is healthy;
# sets $assay_pid. Extra environment comes from the caller (ASSAY_JAVA_OPTS, ASSAY_DATABASE_URL, …).
start_assay() {  # port data
  "$root/assay" --version >/dev/null          # builds once if needed, outside any measurement
  "$root/assay" serve --port "$1" --data "$2" >"$2.log" 2>&1 &
  assay_pid=$!
  until curl -sf "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$assay_pid" 2>/dev/null || { cat "$2.log" >&2; echo "bench: Assay did not start" >&2; exit 1; }
    sleep 0.05
  done
}

stop_assay() {
  [ -n "${assay_pid:-}" ] && { kill "$assay_pid" 2>/dev/null || true; wait "$assay_pid" 2>/dev/null || true; }
  assay_pid=""
}

# Milliseconds a command takes, on stdout (its own output goes to /dev/null).
millis() {
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# Runs ROUNDS rounds of: the Assay measure, then the baseline's (each a shell function printing one number),
# alternating so that a change of load hits both; prints every round, then the ratio assay/baseline with its spread.
#   alternate LABEL ROUNDS UNIT GOAL assay_fn baseline_fn      (GOAL is text such as "<= 1.5x", or "")
alternate() {
  local label=$1 rounds=$2 unit=$3 goal=$4 assay_fn=$5 baseline_fn=$6 i a b lines=""
  for i in $(seq 1 "$rounds"); do
    a=$($assay_fn); b=$($baseline_fn)
    printf '  %-34s round %d: assay %s, baseline %s %s\n' "$label" "$i" "$a" "$b" "$unit" >&2
    lines+="$a $b"$'\n'
  done
  printf '%s' "$lines" | python3 "$root/bench/lib/ratio.py" "$label" "$unit" ${goal:+"$goal"}
}
