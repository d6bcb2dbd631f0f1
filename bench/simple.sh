#!/usr/bin/env bash
# The Simple Repository API against nginx serving the byte-identical pages (a measurement, not a test).
#
#   bench/simple.sh [PROJECTS] [FILES_PER_PROJECT] [SECONDS] [ROUNDS]      defaults: 265 20 5 3
#
# Loads PROJECTS projects of FILES_PER_PROJECT files each straight into a fresh embedded database (rows written with
# H2's RunScript, no uploads), writes every page Assay serves to files for nginx, then runs wrk (2 threads, 32
# connections, SECONDS each) alternately against Assay and nginx, ROUNDS rounds: /simple/<project>/ in HTML and JSON
# (each request the next project), and /simple/ in HTML and JSON. Prints each round and the ratio with its spread.
# Anonymous requests without Accept-Encoding: identity bodies on both sides.
#
# On PostgreSQL (ASSAY_DATABASE_URL naming an EMPTY database, with ASSAY_DATABASE_USER and _PASSWORD, as for
# `./assay serve`; psql needed) the rows go in with psql, and a second Assay on the same database with
# ASSAY_INDEX_CACHE_RECHECK=1s is measured against the first (the default: each request reads the change serial,
# concurrent requests sharing a read), which is the price of never serving a page from before another server's change.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
need wrk wrk; need nginx nginx-light; need curl curl
projects="${1:-265}"; files="${2:-20}"; seconds="${3:-5}"; rounds="${4:-3}"
work=$(mktemp -d); data="$work/data"
port=$(free_port); nginx_port=$(free_port); nginx_pid=""
second_pid=""
cleanup() {
  stop_assay
  [ -n "$second_pid" ] && { kill "$second_pid" 2>/dev/null || true; wait "$second_pid" 2>/dev/null || true; }
  [ -n "$nginx_pid" ] && { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
export ASSAY_REVIEW_NEW_PROJECTS=false

echo "== $projects projects x $files files; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u +%F)"
postgres="${ASSAY_DATABASE_URL:-}"
if [ -n "$postgres" ]; then
  empty_postgres simple.sh
fi
start_assay "$port" "$data"; stop_assay                  # creates the schema
if [ -n "$postgres" ]; then
  range() { echo "generate_series(1, $1) AS $2(\"X\")"; }   # range COUNT ALIAS: a column "X" from 1 to COUNT
  text() { echo "CAST($1 AS TEXT)"; }
else
  range() { echo "SYSTEM_RANGE(1, $1) $2"; }
  text() { echo "TO_CHAR($1)"; }
fi
cat >"$work/load.sql" <<SQL
INSERT INTO projects (name, normalized_name, ultranormalized_name, summary, created_at, last_serial)
  SELECT 'Bench_' || "X", 'bench-' || "X", 'bench' || "X", 'Benchmark project ' || "X", CURRENT_TIMESTAMP, 1
  FROM $(range "$projects" n);
INSERT INTO releases (project_id, version, summary, requires_python, metadata, created_at)
  SELECT p.id, v."X" || '.0', p.summary, '>=3.8', 'Metadata-Version: 2.1', CURRENT_TIMESTAMP
  FROM projects p CROSS JOIN $(range $(( (files + 1) / 2 )) v);
INSERT INTO distribution_files (release_id, filename, package_type, python_version, requires_python, size, sha256,
    md5, blake2_256, metadata_sha256, uploaded_at)
  SELECT r.id, REPLACE(p.normalized_name, '-', '_') || '-' || r.version || k.suffix,
         CASE k."X" WHEN 1 THEN 'bdist_wheel' ELSE 'sdist' END, CASE k."X" WHEN 1 THEN 'py3' ELSE 'source' END,
         '>=3.8', 12345, LPAD($(text r.id), 64, '0'), LPAD($(text r.id), 32, '0'), LPAD($(text r.id), 64, '0'),
         LPAD($(text r.id), 64, '1'), CURRENT_TIMESTAMP
  FROM releases r JOIN projects p ON p.id = r.project_id
  CROSS JOIN (SELECT "X", CASE "X" WHEN 1 THEN '-py3-none-any.whl' ELSE '.tar.gz' END AS suffix FROM $(range 2 t)) k;
SQL
if [ -n "$postgres" ]; then
  sql -f "$work/load.sql"
else
  jar="$root/assay-server/target/assay.jar"
  unzip -p "$jar" "$(unzip -Z1 "$jar" | grep 'BOOT-INF/lib/h2-')" >"$work/h2.jar"
  java -cp "$work/h2.jar" org.h2.tools.RunScript -user sa -password "" \
    -url "jdbc:h2:file:$data/db/assay;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    -script "$work/load.sql"
fi
start_assay "$port" "$data"

echo "== writing the pages for nginx"
json='application/vnd.pypi.simple.v1+json'
mkdir -p "$work/static/simple"
curl -sf -o "$work/static/simple/index.html" "http://127.0.0.1:$port/simple/"
curl -sf -H "Accept: $json" -o "$work/static/simple/index.json" "http://127.0.0.1:$port/simple/"
seq 1 "$projects" | xargs -P 4 -I{} sh -c "mkdir -p '$work/static/simple/bench-{}' && \
  curl -sf -o '$work/static/simple/bench-{}/index.html' 'http://127.0.0.1:$port/simple/bench-{}/' && \
  curl -sf -H 'Accept: $json' -o '$work/static/simple/bench-{}/index.json' 'http://127.0.0.1:$port/simple/bench-{}/'"
chmod 755 "$work"; chmod -R a+rX "$work/static"        # nginx workers run unprivileged; mktemp -d is 0700
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
until curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/simple/index.html"; do sleep 0.1; done

cat >"$work/rotate.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/simple/bench-" .. ((counter % $projects) + 1) .. "/" .. (suffix or ""))
end
LUA
printf 'suffix = "index.json"\ndofile("%s")\n' "$work/rotate.lua" >"$work/rotate-json.lua"

# req/s of wrk against PORT PATH, with an optional script and header; non-2xx answers fail the benchmark
rps() {  # port path [script] [header]
  local out args=(-t2 -c32 -d"${seconds}s" --latency)
  [ -n "${3:-}" ] && args+=(-s "$3")
  [ -n "${4:-}" ] && args+=(-H "$4")
  out=$(wrk "${args[@]}" "http://127.0.0.1:$1$2")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; echo "bench: non-2xx answers" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
assay_page_html() { rps "$port" / "$work/rotate.lua"; }
nginx_page_html() { rps "$nginx_port" / "$work/rotate.lua"; }
assay_page_json() { rps "$port" / "$work/rotate.lua" "Accept: $json"; }
nginx_page_json() { rps "$nginx_port" / "$work/rotate-json.lua"; }
assay_list_html() { rps "$port" /simple/; }
nginx_list_html() { rps "$nginx_port" /simple/index.html; }
assay_list_json() { rps "$port" /simple/ "" "Accept: $json"; }
nginx_list_json() { rps "$nginx_port" /simple/index.json; }

echo "== warming up"
seconds=3 assay_page_html >/dev/null; seconds=3 assay_list_json >/dev/null
echo "== wrk -t2 -c32, $seconds s a run, $rounds alternating rounds"
alternate "/simple/<project>/ HTML" "$rounds" "req/s" ">= 0.5x" assay_page_html nginx_page_html
alternate "/simple/<project>/ JSON" "$rounds" "req/s" ">= 0.5x" assay_page_json nginx_page_json
alternate "/simple/ HTML ($projects projects)" "$rounds" "req/s" ">= 0.5x" assay_list_html nginx_list_html
alternate "/simple/ JSON ($projects projects)" "$rounds" "req/s" ">= 0.5x" assay_list_json nginx_list_json

[ -n "$postgres" ] || exit 0
# the same database, another server that rereads the change serial once a second at most
second_port=$(free_port); first_pid=$assay_pid
ASSAY_INDEX_CACHE_RECHECK=1s start_assay "$second_port" "$work/data-1s"
second_pid=$assay_pid; assay_pid=$first_pid
second_page_html() { rps "$second_port" / "$work/rotate.lua"; }
second_list_json() { rps "$second_port" /simple/ "" "Accept: $json"; }
seq 1 "$projects" | xargs -P 4 -I{} curl -sf -o /dev/null "http://127.0.0.1:$second_port/simple/bench-{}/"  # kept
seconds=3 second_page_html >/dev/null; seconds=3 second_list_json >/dev/null
echo "== PostgreSQL: a read of the change serial per request (default) against ASSAY_INDEX_CACHE_RECHECK=1s"
alternate "/simple/<project>/ HTML, read vs 1s" "$rounds" "req/s" "" assay_page_html second_page_html
alternate "/simple/ JSON, read vs 1s" "$rounds" "req/s" "" assay_list_json second_list_json
