#!/usr/bin/env bash
# The job queue at scale (a measurement, not a test): claims per second with concurrent claimers on PostgreSQL, and
# pipelines completed per minute by 1, 2 and 4 workers.
#
#   bench/claims.sh [JOBS] [CLAIMERS] [PACKAGES] [WORKER_COUNTS]      defaults: 20000 16 8 "1 2 4"
#
# Needs an EMPTY PostgreSQL database, named as for `./assay serve`: ASSAY_DATABASE_URL (jdbc:postgresql://host:port/db),
# ASSAY_DATABASE_USER, ASSAY_DATABASE_PASSWORD. Needs curl, python3, psql, twine, python3-build, bubblewrap, strace
# (Debian: curl python3 postgresql-client twine python3-build bubblewrap strace); run as root, like CI.
#
# 1. Claims: starts `./assay serve` without in-process workers, writes JOBS queued jobs straight into the database
#    (commit pipelines of one project: a claim of one carries no file), then CLAIMERS threads, each with its own
#    keep-alive connection and worker name, POST /api/worker/claim until the queue answers 204. Prints claims per
#    second, overall and after the first quarter (the JIT's warm-up; goal >= 500/s with 16 claimers) and checks that no job was claimed twice: every answer's jobId is
#    distinct, and the database holds JOBS running jobs with one attempt each.
# 2. Pipelines per minute: for each N in WORKER_COUNTS, a fresh set of PACKAGES small sdists (one module, 4 pytest
#    tests) uploaded at once, and `./assay worker --workers N`; prints the minutes from the first upload to the last
#    finished pipeline and pipelines per minute.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
need curl curl; need python3 python3; need twine twine
jobs="${1:-20000}"; claimers="${2:-16}"; packages="${3:-8}"; counts="${4:-1 2 4}"
[ -n "${ASSAY_DATABASE_URL:-}" ] || { echo "bench: set ASSAY_DATABASE_URL to an empty PostgreSQL database" >&2; exit 2; }
empty_postgres claims.sh
work=$(mktemp -d /tmp/assay-claims-XXXXXX); data="$work/data"; chmod 711 "$work"
port=$(free_port); url="http://127.0.0.1:$port"
worker_pid=""
cleanup() { [ -n "$worker_pid" ] && kill "$worker_pid" 2>/dev/null || true; stop_assay; rm -rf "$work"; }
trap cleanup EXIT
export ASSAY_REVIEW_NEW_PROJECTS=false ASSAY_PIPELINE_WORKERS=0

start_assay "$port" "$data"
chmod 711 "$data"
"$root/assay" user add bench --email bench@example.org --admin --data "$data" --password-stdin <<<'bench-password' >/dev/null
token=$("$root/assay" token create bench --scope worker --data "$data")

echo "== claims: $jobs queued jobs, $claimers concurrent claimers, PostgreSQL"
sql <<SQL
INSERT INTO projects (name, normalized_name, ultranormalized_name, summary, created_at, last_serial)
  VALUES ('claims-bench', 'claims-bench', 'claimsbench', 'Jobs to claim', CURRENT_TIMESTAMP, 0);
INSERT INTO pipelines (project_id, git_commit, trigger_kind, created_at)
  SELECT p.id, LPAD(TO_HEX(g), 40, '0'), 'push', CURRENT_TIMESTAMP
  FROM projects p, generate_series(1, $jobs) AS g WHERE p.normalized_name = 'claims-bench';
INSERT INTO pipeline_jobs (pipeline_id, status, created_at)
  SELECT id, 'queued', CURRENT_TIMESTAMP FROM pipelines WHERE git_commit IS NOT NULL;
SQL
python3 - "$port" "$token" "$claimers" "$jobs" <<'PY'
import base64, http.client, json, sys, threading, time
port, token, claimers, jobs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
auth = "Basic " + base64.b64encode(("__token__:" + token).encode()).decode()
claimed, failures, lock = [], [], threading.Lock()
# the first quarter warms the server's JIT up; the rate that counts is the one after it
warm, warmed_at = jobs // 4, []
def claimer(n):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    body = json.dumps({"worker": f"claimer-{n}", "host": "bench"})
    while True:
        connection.request("POST", "/api/worker/claim", body, {"Authorization": auth,
                           "Content-Type": "application/json", "Accept": "application/json"})
        answer = connection.getresponse(); text = answer.read()
        if answer.status == 204:
            return
        if answer.status != 200:
            with lock: failures.append(f"{answer.status} {text[:200]!r}")
            return
        with lock:
            claimed.append(json.loads(text)["jobId"])
            if len(claimed) == warm: warmed_at.append(time.monotonic())
threads = [threading.Thread(target=claimer, args=(n,)) for n in range(1, claimers + 1)]
start = time.monotonic()
for t in threads: t.start()
for t in threads: t.join()
end = time.monotonic()
seconds = end - start
twice = len(claimed) - len(set(claimed))
steady = (len(claimed) - warm) / (end - warmed_at[0]) if warmed_at and end > warmed_at[0] else 0
print(f"claimed {len(claimed)} of {jobs} jobs in {seconds:.1f} s: {len(claimed) / seconds:.0f} claims/s overall, "
      f"{steady:.0f} claims/s after the first {warm} (goal >= 500/s), {twice} claimed twice, "
      f"{len(failures)} failed claims {failures[:3]}")
PY
sql -tAc "SELECT 'database: ' || COUNT(*) || ' running jobs, ' || COUNT(*) FILTER (WHERE attempts <> 1)
          || ' with other than one attempt, ' || (SELECT COUNT(*) FROM job_attempts) || ' attempts recorded'
          FROM pipeline_jobs WHERE status = 'running'"
sql -c "UPDATE pipeline_jobs SET status = 'error', error = 'benchmark', lease_token = NULL WHERE status <> 'finished'"

write_package() {  # name
  local dir="$work/src-$1"
  mkdir -p "$dir/${1//-/_}" "$dir/tests"
  printf '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "%s"\nversion = "1.0"\ndescription = "A small package for the claims benchmark"\nlicense = {text = "MIT"}\nrequires-python = ">=3.8"\n' \
    "$1" >"$dir/pyproject.toml"
  echo "graft tests" >"$dir/MANIFEST.in"
  printf 'def add(a, b):\n    return a + b\n' >"$dir/${1//-/_}/__init__.py"
  for t in 1 2 3 4; do printf 'from %s import add\n\ndef test_%s():\n    assert add(%s, 1) == %s\n' \
    "${1//-/_}" "$t" "$t" "$((t + 1))" >"$dir/tests/test_$t.py"; done
  (cd "$dir" && /usr/bin/python3 -m build --sdist --no-isolation --outdir "$work/dist-$1" >/dev/null 2>&1)
  ls "$work/dist-$1"/*.tar.gz
}

for n in $counts; do
  sdists=()
  for i in $(seq 1 "$packages"); do sdists+=("$(write_package "w$n-pkg-$i")"); done
  ASSAY_WORKER_SERVER="$url" ASSAY_WORKER_TOKEN="$token" "$root/assay" worker --name "bench-$n" --workers "$n" \
    --work "$work/work-$n" >"$work/worker-$n.log" 2>&1 &
  worker_pid=$!
  start=$(date +%s.%N)
  twine upload --disable-progress-bar --non-interactive --repository-url "$url/legacy/" -u bench \
    -p bench-password "${sdists[@]}" >/dev/null
  for i in $(seq 1 "$packages"); do
    until curl -sf -u bench:bench-password "$url/api/v1/projects/w$n-pkg-$i/releases/1.0/pipelines" \
        | python3 -c 'import json,sys; p=json.load(sys.stdin); sys.exit(0 if p and p[0].get("finishedAt") else 1)'; do
      kill -0 "$worker_pid" 2>/dev/null || { cat "$work/worker-$n.log" >&2; exit 1; }
      sleep 0.5
    done
  done
  end=$(date +%s.%N)
  kill "$worker_pid"; wait "$worker_pid" 2>/dev/null || true; worker_pid=""
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]} worker(s): {sys.argv[4]} pipelines in {s/60:.2f} min: {int(sys.argv[4])/(s/60):.1f} pipelines/min')" \
    "$start" "$end" "$n" "$packages"
done
