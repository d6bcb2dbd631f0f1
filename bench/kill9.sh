#!/usr/bin/env bash
# `kill -9` of a worker mid-job, ROUNDS times in a row (a soak, not a test; FleetLauncherOnH2IT does it once):
# each job must finish exactly once, on the other worker, after its lease runs out, with its attempts visible.
#
#   bench/kill9.sh [ROUNDS] [LEASE_SECONDS]      defaults: 20 10
#
# Starts `./assay serve` (embedded H2; PostgreSQL when ASSAY_DATABASE_URL names an empty database) without
# in-process workers and two `./assay worker` processes. Each round uploads an sdist whose test sleeps 10 s, waits
# until a worker holds its job (GET /api/v1/admin/workers), kills that worker with SIGKILL, waits for the pipeline
# to finish and checks its attempts: "lease expired" on the killed worker, "finished" on the other; then starts the
# killed worker again. Prints each round's seconds from the kill to the finished pipeline, and fails at the first bad round.
# Needs: curl, python3, twine, python3-build, bubblewrap, strace; run as root, like CI.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
need curl curl; need python3 python3; need twine twine
rounds="${1:-20}"; lease="${2:-10}"
work=$(mktemp -d /tmp/assay-kill9-XXXXXX); data="$work/data"; chmod 711 "$work"
port=$(free_port); url="http://127.0.0.1:$port"
declare -A pids
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; stop_assay; rm -rf "$work"; }
trap cleanup EXIT
export ASSAY_REVIEW_NEW_PROJECTS=false ASSAY_PIPELINE_WORKERS=0 ASSAY_PIPELINE_LEASE="${lease}s"
start_assay "$port" "$data"
chmod 711 "$data"
"$root/assay" user add bench --email bench@example.org --admin --data "$data" --password-stdin <<<'bench-password' >/dev/null
token=$("$root/assay" token create bench --scope worker --data "$data")

start_worker() {  # name
  ASSAY_WORKER_SERVER="$url" ASSAY_WORKER_TOKEN="$token" "$root/assay" worker --name "$1" --heartbeat 2 \
    --work "$work/work-$1" >>"$work/$1.log" 2>&1 &
  pids[$1]=$!
}
start_worker k1; start_worker k2

for round in $(seq 1 "$rounds"); do
  name="kill9-$round"; dir="$work/src-$round"; module="kill9_$round"
  mkdir -p "$dir/$module" "$dir/tests"
  printf '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "%s"\nversion = "1.0"\ndescription = "Killed mid-job"\nrequires-python = ">=3.8"\n' "$name" >"$dir/pyproject.toml"
  echo "graft tests" >"$dir/MANIFEST.in"; : >"$dir/$module/__init__.py"
  printf 'import time\n\ndef test_slow():\n    time.sleep(10)\n' >"$dir/tests/test_slow.py"
  (cd "$dir" && /usr/bin/python3 -m build --sdist --no-isolation --outdir "$dir/dist" >/dev/null 2>&1)
  twine upload --disable-progress-bar --non-interactive --repository-url "$url/legacy/" -u bench \
    -p bench-password "$dir"/dist/*.tar.gz >/dev/null
  holder=""
  until [ -n "$holder" ]; do
    sleep 0.2
    holder=$(curl -sf -u bench:bench-password "$url/api/v1/admin/workers" | python3 -c '
import json, sys
busy = [w["name"].split("/")[0] for w in json.load(sys.stdin) if w["runningJobs"]]
print(busy[0] if busy else "")')
  done
  kill -9 "${pids[$holder]}"; wait "${pids[$holder]}" 2>/dev/null || true
  killed=$(date +%s.%N)
  pipeline=""
  until [ -n "$pipeline" ]; do
    sleep 0.5
    pipeline=$(curl -sf "$url/api/v1/projects/$name/releases/1.0/pipelines" \
      | python3 -c 'import json,sys; p=json.load(sys.stdin); print(p[0]["id"] if p and p[0].get("finishedAt") else "")')
  done
  python3 - "$(curl -sf "$url/api/v1/pipelines/$pipeline/attempts")" "$holder" "$killed" "$round" <<'PY'
import json, sys, time
attempts, holder, killed, round_ = json.loads(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4]
ended = [a["ended"] for a in attempts]
ok = ended == ["lease expired", "finished"] and attempts[0]["worker"].startswith(f"remote worker {holder}/") \
    and not attempts[1]["worker"].startswith(f"remote worker {holder}/")
print(f"round {round_}: killed {holder}; attempts {ended}; finished {time.time() - killed:.1f} s after the kill"
      + ("" if ok else "  <-- NOT exactly once on the other worker"))
sys.exit(0 if ok else 1)
PY
  start_worker "$holder"          # only now: started at once, it could take its own job back under its old name
done
echo "all $rounds rounds: each job finished exactly once, on the other worker, after its lease"
