#!/usr/bin/env bash
# Benchmark of the Simple Repository API and of uploads (a measurement, not a test).
#
#   bench/index.sh [PROJECTS] [FILES_PER_PROJECT] [SECONDS]      defaults: 10000 10 10
#
# 1. Loads PROJECTS x FILES_PER_PROJECT files into a fresh embedded database (rows written directly).
# 2. wrk on loopback against /simple/<project>/ in HTML and in JSON, each request a different project,
#    then the same pages rendered to files and served by nginx: the physical limit. Prints both and the ratio.
# 3. Uploads a 100 MB wheel: time against sha256sum of the same file, and the server's heap before and after
#    (the server runs with -Xmx256m, so an upload held in memory would show).
# Needs: wrk, nginx, curl, python3 (Debian: apt-get install wrk nginx-light curl python3).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
projects="${1:-10000}"; files="${2:-10}"; seconds="${3:-10}"
work=$(mktemp -d); data="$work/data"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port); nginx_port=$(free_port)
server_pid=""; nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  ASSAY_REVIEW_NEW_PROJECTS="${ASSAY_REVIEW_NEW_PROJECTS:-false}" ASSAY_UPLOAD_MAX_FILE_SIZE=200MB ASSAY_JAVA_OPTS="-Xmx256m" "$root/assay" serve --port "$port" --data "$data" >"$work/server.log" 2>&1 &
  server_pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.2
  done
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

echo "== setup: $projects projects x $files files"
"$root/assay" --version >/dev/null
start_server; stop_server                          # creates the schema
h2_jar="$work/h2.jar"
unzip -p "$root/assay-server/target/assay.jar" "$(unzip -Z1 "$root/assay-server/target/assay.jar" | grep 'BOOT-INF/lib/h2-')" >"$h2_jar"
cat >"$work/load.sql" <<SQL
INSERT INTO users (name, name_key, email, email_key, password_hash, created_at)
  VALUES ('bench', 'bench', 'bench@example.org', 'bench@example.org', '{noop}x', CURRENT_TIMESTAMP);
INSERT INTO projects (name, normalized_name, ultranormalized_name, summary, created_at, last_serial)
  SELECT 'Bench_' || "X", 'bench-' || "X", 'bench' || "X", 'Benchmark project ' || "X", CURRENT_TIMESTAMP, 1 FROM SYSTEM_RANGE(1, $projects);
INSERT INTO releases (project_id, version, summary, requires_python, metadata, created_at)
  SELECT p.id, v."X" || '.0', p.summary, '>=3.8', 'Metadata-Version: 2.1', CURRENT_TIMESTAMP
  FROM projects p CROSS JOIN SYSTEM_RANGE(1, $(( (files + 1) / 2 ))) v;
INSERT INTO distribution_files (release_id, filename, package_type, python_version, requires_python, size, sha256,
    md5, blake2_256, metadata_sha256, uploaded_at)
  SELECT r.id, REPLACE(p.normalized_name, '-', '_') || '-' || r.version || k.suffix,
         CASE k."X" WHEN 1 THEN 'bdist_wheel' ELSE 'sdist' END, CASE k."X" WHEN 1 THEN 'py3' ELSE 'source' END,
         '>=3.8', 12345, LPAD(TO_CHAR(r.id), 64, '0'), LPAD(TO_CHAR(r.id), 32, '0'), LPAD(TO_CHAR(r.id), 64, '0'),
         LPAD(TO_CHAR(r.id), 64, '1'), CURRENT_TIMESTAMP
  FROM releases r JOIN projects p ON p.id = r.project_id
  CROSS JOIN (SELECT "X", CASE "X" WHEN 1 THEN '-py3-none-any.whl' ELSE '.tar.gz' END AS suffix FROM SYSTEM_RANGE(1, 2)) k;
SQL
java -cp "$h2_jar" org.h2.tools.RunScript -user sa -password "" \
  -url "jdbc:h2:file:$data/db/assay;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  -script "$work/load.sql"
start_server

cat >"$work/rotate.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/simple/bench-" .. ((counter % $projects) + 1) .. "/" .. (suffix or ""))
end
LUA
cat >"$work/rotate-json.lua" <<LUA
suffix = "index.json"
dofile("$work/rotate.lua")
LUA

run_wrk() {  # label url script [header]
  local out
  if [ -n "${4:-}" ]; then out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$3" -H "$4" "$2"); else
    out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$3" "$2"); fi
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  local errors; errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  printf '%-28s %10s req/s   p50 %-9s p99 %-9s %s\n' "$1" "$rps" "$p50" "$p99" "$errors" >&2
  echo "$rps"
}

echo "== rendering the pages for nginx"
mkdir -p "$work/static/simple"
seq 1 "$projects" | xargs -P 8 -I{} sh -c "mkdir -p '$work/static/simple/bench-{}' && \
  curl -sf -o '$work/static/simple/bench-{}/index.html' 'http://127.0.0.1:$port/simple/bench-{}/' && \
  curl -sf -H 'Accept: application/vnd.pypi.simple.v1+json' -o '$work/static/simple/bench-{}/index.json' 'http://127.0.0.1:$port/simple/bench-{}/'"
# nginx workers run as an unprivileged user: let them read the rendered pages (mktemp -d is 0700)
chmod 755 "$work"; chmod -R a+rX "$work/static"
cat >"$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; application/vnd.pypi.simple.v1+json json; }
  server { listen 127.0.0.1:$nginx_port; root $work/static; index index.html; }
}
NGINX
nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1

echo "== /simple/<project>/ for $seconds s each, 2 threads, 16 connections"
assay_html=$(run_wrk "assay HTML" "http://127.0.0.1:$port" "$work/rotate.lua")
assay_json=$(run_wrk "assay JSON" "http://127.0.0.1:$port" "$work/rotate.lua" "Accept: application/vnd.pypi.simple.v1+json")
nginx_html=$(run_wrk "nginx HTML (static files)" "http://127.0.0.1:$nginx_port" "$work/rotate.lua")
nginx_json=$(run_wrk "nginx JSON (static files)" "http://127.0.0.1:$nginx_port" "$work/rotate-json.lua")
python3 - "$assay_html" "$nginx_html" "$assay_json" "$nginx_json" <<'PY'
import sys
a, n, aj, nj = map(float, sys.argv[1:])
print(f"ratio assay/nginx: HTML {a / n:.2f}, JSON {aj / nj:.2f} (goal: at least 0.50)")
PY

echo "== 100 MB upload"
heap() { curl -s "http://127.0.0.1:$port/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }
python3 - "$work/big" <<'PY'
import hashlib, os, sys, zipfile
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
path = os.path.join(out, "bigbench-1.0-py3-none-any.whl")
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as wheel:
    wheel.writestr("bigbench/__init__.py", "")
    with wheel.open("bigbench/blob.bin", "w", force_zip64=True) as blob:
        for _ in range(100):
            blob.write(os.urandom(1024 * 1024))
    wheel.writestr("bigbench-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: bigbench\nVersion: 1.0\n")
    wheel.writestr("bigbench-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    wheel.writestr("bigbench-1.0.dist-info/RECORD", "")
PY
big="$work/big/bigbench-1.0-py3-none-any.whl"
token=$(printf 'bench password\n' | "$root/assay" user add uploader --email up@example.org --password-stdin --data "$data" >/dev/null && \
        "$root/assay" token create uploader --data "$data")
start_ns=$(date +%s%N); digest=$(sha256sum "$big" | cut -d' ' -f1); sha_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
before=$(heap)
( while :; do heap; echo; sleep 0.1; done ) >"$work/heap.samples" 2>/dev/null &
sampler=$!
start_ns=$(date +%s%N)
status=$(curl -s -o "$work/upload.out" -w '%{http_code}' -u "__token__:$token" \
  -F ':action=file_upload' -F protocol_version=1 -F metadata_version=2.1 -F name=bigbench -F version=1.0 \
  -F filetype=bdist_wheel -F pyversion=py3 -F "sha256_digest=$digest" -F "content=@$big" \
  "http://127.0.0.1:$port/legacy/")
upload_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
kill "$sampler"; wait "$sampler" 2>/dev/null || true
after=$(heap)
peak=$(sort -n "$work/heap.samples" | tail -n 1)
size_mb=$(( $(stat -c %s "$big") / 1048576 ))
echo "upload of ${size_mb} MB: HTTP $status in ${upload_ms} ms; sha256sum of the same file: ${sha_ms} ms; ratio $(python3 -c "print(round($upload_ms / max($sha_ms, 1), 1))")"
echo "server heap used (MB): before $before, peak during the upload $peak, after $after (limit -Xmx256m)"
[ "$status" = 200 ] || { echo "upload failed:"; cat "$work/upload.out"; exit 1; }
