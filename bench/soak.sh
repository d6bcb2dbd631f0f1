#!/usr/bin/env bash
# Soak run: a mixed load against one server for a given time (a measurement, not a test).
#
#   bench/soak.sh [SECONDS]      default: 1800
#
# Starts `./assay serve` on a free port with a fresh data directory (environment such as ASSAY_JAVA_OPTS,
# ASSAY_DATABASE_URL or ASSAY_PIPELINE_WORKERS passes through), creates an administrator and an upload+push
# token with the CLI, then runs bench/soak.py: 2 uploaders, 2 readers, 1 pip installer and 1 git pusher, all
# on the loopback, until the time is up. Prints the RSS every 30 s (SOAK_RSS_EVERY), then errors and
# p50/p99 latency per kind. Exits 1 if any operation failed. Needs: curl, git, python3 with venv.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-1800}"
work=$(mktemp -d /tmp/assay-soak-XXXXXX); data="$work/data"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

ASSAY_REVIEW_NEW_PROJECTS="${ASSAY_REVIEW_NEW_PROJECTS:-false}" "$root/assay" serve --port "$port" --data "$data" >"$work/server.log" 2>&1 &
server_pid=$!   # the launcher execs java: this is the server's own process
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
"$root/assay" user add soak --email soak@example.org --admin --data "$data" --password-stdin \
  <<< 'soak-password-1' >/dev/null
token=$("$root/assay" token create soak --scope upload,push --data "$data")
/usr/bin/python3 -m venv "$work/venv"
echo "soak: ${seconds}s against http://127.0.0.1:$port/ (server pid $server_pid, data $data)"
status=0
/usr/bin/python3 "$root/bench/soak.py" "http://127.0.0.1:$port" "$token" "$seconds" "$server_pid" "$work" \
  "$work/venv/bin/python" || status=$?
grep -c ' ERROR ' "$work/server.log" | sed 's/^/server log ERROR lines: /' || true
exit "$status"
