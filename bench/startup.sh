#!/usr/bin/env bash
# Time from `./assay serve` to a healthy server, on a fresh data directory and on a reused one.
#   bench/startup.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
"$root/assay" --version >/dev/null   # builds once if needed, outside the measurement
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

measure() {
  local start end pid
  start=$(date +%s%N)
  "$root/assay" serve --port "$port" --data "$data" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do sleep 0.05; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

echo "run  ms-to-healthy  (run 1 creates the database; later runs reuse it)"
for i in $(seq 1 "$runs"); do
  printf '%-4s %s\n' "$i" "$(measure)"
done
