#!/usr/bin/env bash
# Benchmark of the time from upload to finished report (a measurement, not a test).
#
#   bench/pipeline.sh [PACKAGES]      default: 5
#
# Starts `./assay serve` on a fresh data directory with one in-process worker, then for each of PACKAGES
# versions of a small package (one module, 4 pytest tests): builds the sdist, uploads it with twine, and
# waits until its pipeline has finished. Prints, per upload, the seconds from the start of `twine upload`
# to the pipeline's finishedAt as the JSON API reports it, and each task's duration; then the median.
# Needs: bubblewrap, strace, twine, python3-build, python3-pytest, curl (run as root, like CI).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
packages="${1:-5}"
work=$(mktemp -d /tmp/assay-bench-XXXXXX); data="$work/data"
chmod 711 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

ASSAY_REVIEW_NEW_PROJECTS="${ASSAY_REVIEW_NEW_PROJECTS:-false}" "$root/assay" serve --port "$port" --data "$data" >"$work/server.log" 2>&1 &
server_pid=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
chmod 711 "$data"
"$root/assay" user add bench --email bench@example.org --data "$data" --password-stdin <<< 'bench-password' >/dev/null
url="http://127.0.0.1:$port"

write_package() {  # version
  local dir="$work/src-$1"
  mkdir -p "$dir/benchpkg" "$dir/tests"
  cat >"$dir/pyproject.toml" <<TOML
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"
[project]
name = "benchpkg"
version = "$1"
description = "A small package for the pipeline benchmark"
license = {text = "MIT"}
requires-python = ">=3.8"
TOML
  echo "graft tests" >"$dir/MANIFEST.in"
  printf 'def add(a, b):\n    return a + b\n' >"$dir/benchpkg/__init__.py"
  for t in 1 2 3 4; do printf 'from benchpkg import add\n\ndef test_%s():\n    assert add(%s, 1) == %s\n' \
    "$t" "$t" "$((t + 1))" >"$dir/tests/test_$t.py"; done
  (cd "$dir" && /usr/bin/python3 -m build --sdist --no-isolation --outdir "$work/dist-$1" >/dev/null 2>&1)
  ls "$work/dist-$1"/*.tar.gz
}

results=()
for i in $(seq 1 "$packages"); do
  sdist=$(write_package "1.0.$i")
  start=$(date +%s.%N)
  twine upload --disable-progress-bar --non-interactive --repository-url "$url/legacy/" -u bench \
    -p bench-password "$sdist" >/dev/null
  pipeline=""
  while [ -z "$pipeline" ]; do
    sleep 0.2
    pipeline=$(curl -sf -u bench:bench-password "$url/api/v1/projects/benchpkg/releases/1.0.$i/pipelines" \
      | python3 -c 'import json,sys; p=json.load(sys.stdin); print(json.dumps(p[0]) if p and p[0].get("finishedAt") else "")')
  done
  line=$(python3 - "$start" "$pipeline" <<'PY'
import datetime, json, sys
start = float(sys.argv[1]); p = json.loads(sys.argv[2])
finished = datetime.datetime.fromisoformat(p["finishedAt"].replace("Z", "+00:00")).timestamp()
tasks = " ".join(f'{t["name"]}={t["durationMs"] / 1000:.1f}' for t in p["tasks"])
test = next((t["summary"] for t in p["tasks"] if t["name"] == "test"), "no test task")
print(f'{finished - start:.1f} {p["status"]} {tasks}; test: {test}')
PY
)
  echo "upload 1.0.$i: ${line%% *} s to the finished report ($(cut -d' ' -f2- <<<"$line"))"
  results+=("${line%% *}")
done
printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print "median: " m " s from upload to finished report, " NR " uploads"}'
