#!/usr/bin/env bash
# Scale: page and upload latency of a large generated index, and the database's size (a measurement, not a test).
#
#   bench/scale.sh [PROJECTS] [FILES_PER_PROJECT] [REQUESTS]      defaults: 100000 10 300
#
# 1. Writes PROJECTS projects with FILES_PER_PROJECT files each (half wheels, half sdists, two files a release)
#    straight into a fresh database as rows, not uploads: users (one per 10 projects, each project owned by one),
#    releases with core metadata and two requirements each, files, used file names, search rows, and a finished
#    pipeline with its measurements for each file of every project's latest release (on H2 also the search's
#    word tables, V30). The embedded
#    H2 database by default; PostgreSQL when ASSAY_DATABASE_URL (jdbc:postgresql://host:port/db, an EMPTY
#    database), ASSAY_DATABASE_USER and ASSAY_DATABASE_PASSWORD are set, as for `./assay serve`.
# 2. Times REQUESTS requests (one keep-alive connection, a random project each) of: / (its recent releases),
#    /simple/ in HTML, in JSON and gzipped, /simple/<p>/, /project/<p>/, /pypi/<p>/json, /search?q=…; then 20
#    uploads of a small wheel, a new release of an existing project each, and 20 uploads creating a new project
#    each. Prints p50 and p99.
# 3. Prints the size of the database on disk (H2: the .mv.db file; PostgreSQL: pg_database_size).
# Run it at two sizes (say 10000 and 100000) and compare: a project page or an upload must not grow with PROJECTS.
# The first start on the generated rows is slow (its start-up work creates a git repository per project and
# looks for every recorded file on disk): with 100000 projects, tens of minutes on two busy cores.
# Needs: curl, python3, unzip; psql for PostgreSQL (Debian: curl python3 unzip postgresql-client).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
need curl curl; need unzip unzip; need python3 python3
projects="${1:-100000}"; files="${2:-10}"; requests="${3:-300}"
releases=$(( (files + 1) / 2 )); users=$(( projects / 10 > 0 ? projects / 10 : 1 ))
work=$(mktemp -d); data="$work/data"
port=$(free_port)
cleanup() { stop_assay; rm -rf "$work"; }
trap cleanup EXIT
export ASSAY_REVIEW_NEW_PROJECTS=false
postgres="${ASSAY_DATABASE_URL:-}"

if [ -n "$postgres" ]; then
  empty_postgres scale.sh
  range() { echo "generate_series(1, $1) AS $2(\"X\")"; }
else
  range() { echo "SYSTEM_RANGE(1, $1) $2"; }
fi

echo "== $projects projects x $files files ($(( projects * releases )) releases), $([ -n "$postgres" ] && echo PostgreSQL || echo H2)"
start_assay "$port" "$data"; stop_assay                            # creates the schema
cat >"$work/load.sql" <<SQL
INSERT INTO users (name, name_key, email, email_key, password_hash, created_at)
  SELECT 'bench' || u."X", 'bench' || u."X", 'bench' || u."X" || '@example.org', 'bench' || u."X" || '@example.org',
         '{noop}x', CURRENT_TIMESTAMP FROM $(range "$users" u);
INSERT INTO projects (name, normalized_name, ultranormalized_name, summary, created_at, last_serial)
  SELECT 'Bench_' || g."X", 'bench-' || g."X", 'bench' || g."X", 'Benchmark project number ' || g."X",
         CURRENT_TIMESTAMP, $releases FROM $(range "$projects" g);
INSERT INTO project_roles (project_id, user_id, role)
  SELECT p.id, u.id, 'owner' FROM projects p JOIN users u ON u.name_key = 'bench' || (MOD(p.id - 1, $users) + 1);
INSERT INTO releases (project_id, version, summary, requires_python, metadata, created_at)
  SELECT p.id, v."X" || '.0', p.summary, '>=3.8',
         'Metadata-Version: 2.1
Name: ' || p.name || '
Version: ' || v."X" || '.0
Summary: ' || p.summary || '
Author: Bench Author
License: MIT
Keywords: bench,scale
Classifier: Programming Language :: Python :: 3
Project-URL: Homepage, https://example.org/' || p.normalized_name || '
Requires-Python: >=3.8
Requires-Dist: bench-' || (MOD(p.id * 7, $projects) + 1) || '>=1.0
Requires-Dist: bench-' || (MOD(p.id * 13, $projects) + 1) || '
Description-Content-Type: text/markdown

# ' || p.name || '

A generated project for the scale benchmark: a paragraph of text, a list, and some code.

- one
- two

    import bench', CURRENT_TIMESTAMP + v."X" * INTERVAL '1' SECOND
  FROM projects p CROSS JOIN $(range "$releases" v);
INSERT INTO dependencies (release_id, position, requirement, dependency_name)
  SELECT r.id, k."X" - 1, 'bench-' || (MOD(r.project_id * CASE k."X" WHEN 1 THEN 7 ELSE 13 END, $projects) + 1)
         || CASE k."X" WHEN 1 THEN '>=1.0' ELSE '' END,
         'bench-' || (MOD(r.project_id * CASE k."X" WHEN 1 THEN 7 ELSE 13 END, $projects) + 1)
  FROM releases r CROSS JOIN $(range 2 k);
INSERT INTO distribution_files (release_id, filename, package_type, python_version, requires_python, size, sha256,
    md5, blake2_256, metadata_sha256, uploaded_at, uploaded_by)
  SELECT r.id, REPLACE(p.normalized_name, '-', '_') || '-' || r.version
           || CASE k."X" WHEN 1 THEN '-py3-none-any.whl' ELSE '.tar.gz' END,
         CASE k."X" WHEN 1 THEN 'bdist_wheel' ELSE 'sdist' END, CASE k."X" WHEN 1 THEN 'py3' ELSE 'source' END,
         '>=3.8', 12345, LPAD(CAST(r.id * 2 + k."X" AS VARCHAR), 64, '0'), LPAD(CAST(r.id AS VARCHAR), 32, '0'),
         LPAD(CAST(r.id AS VARCHAR), 64, '0'), CASE k."X" WHEN 1 THEN LPAD(CAST(r.id AS VARCHAR), 64, '1') END,
         r.created_at, NULL
  FROM releases r JOIN projects p ON p.id = r.project_id CROSS JOIN $(range 2 k)
  WHERE (r.version <> '$releases.0' OR k."X" <= $(( files - (releases - 1) * 2 )));
INSERT INTO used_file_names (filename, used_at) SELECT filename, uploaded_at FROM distribution_files;
INSERT INTO pipelines (project_id, release_id, file_id, filename, trigger_kind, requested_by, created_at)
  SELECT r.project_id, r.id, f.id, f.filename, 'upload', 'bench1', f.uploaded_at
  FROM distribution_files f JOIN releases r ON r.id = f.release_id WHERE r.version = '$releases.0';
INSERT INTO pipeline_jobs (pipeline_id, status, outcome, attempts, created_at, started_at, finished_at)
  SELECT id, 'finished', 'passed', 1, created_at, created_at, created_at FROM pipelines;
INSERT INTO pipeline_measurements (job_id, tests_passed, tests_failed, tests_skipped, tests_errors, coverage,
    duration_ms, finished_at)
  SELECT id, 10, 0, 1, 0, 90.0, 5000, finished_at FROM pipeline_jobs;
INSERT INTO project_search (project_id, release_id, name_words, summary_words, keyword_words, description_words)
  SELECT p.id, r.id, ' bench ' || CAST(p.id AS VARCHAR) || ' ', ' benchmark project number ' || CAST(p.id AS VARCHAR) || ' ',
         ' bench scale ', ' a generated project for the scale benchmark '
  FROM projects p JOIN releases r ON r.project_id = p.id AND r.version = '$releases.0';
SQL
[ -n "$postgres" ] || cat >>"$work/load.sql" <<'SQL'
-- H2's word tables (V30) for the search rows above: every word with its fields, and the first 16 characters of
-- each suffix of the lower-case name, the normalised name and the summary (only the suffixes no other text has)
INSERT INTO search_words (project_id, word, in_name, in_summary, in_keywords, in_description)
  SELECT p.id, w.word, w.n, w.s, w.k, w.d FROM projects p CROSS JOIN (VALUES ('bench', 1, 0, 1, 0),
    ('benchmark', 0, 1, 0, 1), ('project', 0, 1, 0, 1), ('number', 0, 1, 0, 0), ('scale', 0, 0, 1, 1),
    ('a', 0, 0, 0, 1), ('generated', 0, 0, 0, 1), ('for', 0, 0, 0, 1), ('the', 0, 0, 0, 1)) AS w(word, n, s, k, d);
INSERT INTO search_words (project_id, word, in_name, in_summary, in_keywords, in_description)
  SELECT id, CAST(id AS VARCHAR), 1, 1, 0, 0 FROM projects;
INSERT INTO search_pieces (project_id, piece)
  SELECT p.id, SUBSTRING(LOWER(p.name), g."X", 16) FROM projects p JOIN SYSTEM_RANGE(1, 20) g
    ON g."X" <= CHAR_LENGTH(p.name);
INSERT INTO search_pieces (project_id, piece)
  SELECT p.id, SUBSTRING(p.normalized_name, g."X", 16) FROM projects p CROSS JOIN SYSTEM_RANGE(1, 6) g;
INSERT INTO search_pieces (project_id, piece)
  SELECT p.id, SUBSTRING(LOWER(p.summary), g."X", 16) FROM projects p CROSS JOIN SYSTEM_RANGE(1, 25) g;
SQL
start=$(date +%s)
if [ -n "$postgres" ]; then
  sql -f "$work/load.sql"; sql -c "ANALYZE"
else
  h2_jar="$work/h2.jar"; jar="$root/assay-server/target/assay.jar"
  unzip -p "$jar" "$(unzip -Z1 "$jar" | grep 'BOOT-INF/lib/h2-')" >"$h2_jar"
  java -cp "$h2_jar" org.h2.tools.RunScript -user sa -password "" \
    -url "jdbc:h2:file:$data/db/assay;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    -script "$work/load.sql"
fi
echo "  rows written in $(( $(date +%s) - start )) s"

start_assay "$port" "$data"
base="http://127.0.0.1:$port"
time_get() { python3 "$root/bench/lib/latency.py" "$1" "$base" "$2" "${4:-$requests}" "$projects" ${3:+"$3"} \
               ${5:+"$5"}; }
json='Accept: application/vnd.pypi.simple.v1+json'
echo "== $requests requests each (a random project each; /simple/ $(( requests / 10 )) times)"
time_get "/ (home page)" / "" $(( requests / 10 ))
time_get "/simple/ HTML" /simple/ "" $(( requests / 10 ))
time_get "/simple/ JSON" /simple/ "$json" $(( requests / 10 ))
time_get "/simple/ JSON gzip" /simple/ "$json" $(( requests / 10 )) "Accept-Encoding: gzip"
time_get "/simple/<p>/ HTML" "/simple/bench-{n}/"
time_get "/simple/<p>/ JSON" "/simple/bench-{n}/" "$json"
time_get "/project/<p>/" "/project/bench-{n}/"
time_get "/pypi/<p>/json" "/pypi/bench-{n}/json"
time_get "/search?q=<p>" "/search?q=bench+{n}"

echo "== uploads (20 each, twine's form)"
token=$("$root/assay" token create bench1 --data "$data")
python3 - "$work/dist" "$projects" "$users" <<'PY'
import os, sys, zipfile
out, projects, users = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out)
def wheel(name, version):
    dist = f"{name.replace('-', '_')}-{version}"
    with zipfile.ZipFile(os.path.join(out, f"{dist}-py3-none-any.whl"), "w") as w:
        w.writestr(f"{name.replace('-', '_')}/__init__.py", "")
        w.writestr(f"{dist}.dist-info/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        w.writestr(f"{dist}.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        w.writestr(f"{dist}.dist-info/RECORD", "")
for i in range(20):
    wheel(f"bench-{1 + users * (i * (projects // users) // 20)}", f"99.{i}")   # projects bench1 owns, spread out
    wheel(f"scale-new-{i}", "1.0")
PY
upload() {  # wheel file
  local name version digest; name=$(basename "$1" | cut -d- -f1 | tr _ -); version=$(basename "$1" | cut -d- -f2)
  digest=$(sha256sum "$1" | cut -d' ' -f1)
  curl -s -o "$work/upload.out" -w '%{http_code} %{time_total}\n' -u "__token__:$token" \
    -F ':action=file_upload' -F protocol_version=1 -F metadata_version=2.1 -F "name=$name" -F "version=$version" \
    -F filetype=bdist_wheel -F pyversion=py3 -F "sha256_digest=$digest" -F "content=@$1" "$base/legacy/"
}
summarise() {  # label  (reads "status seconds" lines)
  python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin if line.strip()]
ms = sorted(float(s) * 1000 for _, s in rows); bad = [c for c, _ in rows if c != "200"]
print(f"  {sys.argv[1]:<34} p50 {statistics.median(ms):8.1f} ms  max {ms[-1]:8.1f} ms  (n={len(ms)}" +
      (f", {len(bad)} failed: {sorted(set(bad))})" if bad else ")"))' "$1"
}
for f in "$work"/dist/bench_*.whl; do upload "$f"; done | summarise "upload, existing project"
for f in "$work"/dist/scale_new_*.whl; do upload "$f"; done | summarise "upload, new project"

echo "== database size"
if [ -n "$postgres" ]; then
  echo "  PostgreSQL: $(sql -tAc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
else
  stop_assay
  echo "  H2: $(du -h "$data"/db/assay.mv.db | cut -f1) ($data/db/assay.mv.db, after the server's compaction at stop)"
fi
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
