#!/usr/bin/env bash
# pip install from Assay against the same files in a static PEP 503 tree served by nginx (a measurement, not a test).
#
#   bench/pip.sh [ROUNDS] [PACKAGES…]      defaults: 3 flask requests
#
# The wheels PACKAGES need (flask requests: 12) are taken from this machine's PyPI mirror (/opt/pypi/files),
# uploaded once to a fresh Assay with twine's form (curl: Debian's twine 4.0.2 cannot send Metadata-Version
# 2.3+), and laid out for nginx as /simple/<name>/index.html with each wheel's .metadata file beside it
# (PEP 658/714 attributes, as Assay serves them). Each round installs into a new --target directory, first from
# Assay then from nginx, with pip isolated from this machine's configuration and without a cache; prints the
# ratio of the milliseconds (goal <= 1.0x: Assay no slower than the static tree).
# Needs: nginx (nginx-light), curl, python3 with pip, unzip.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
need nginx nginx-light; need curl curl; need unzip unzip
rounds="${1:-3}"; shift || true
packages=(flask requests); [ $# -eq 0 ] || packages=("$@")
mirror="${ASSAY_BENCH_WHEELS:-/opt/pypi/files}"
work=$(mktemp -d); data="$work/data"; port=$(free_port); nginx_port=$(free_port); nginx_pid=""
cleanup() {
  stop_assay
  [ -n "$nginx_pid" ] && { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
export ASSAY_REVIEW_NEW_PROJECTS=false

# pip with nothing of this machine's configuration: no config file, no PIP_* variable, no cache
isolated_pip() {
  env $(env | grep '^PIP_' | cut -d= -f1 | sed 's/^/-u /') PIP_CONFIG_FILE=/dev/null \
    python3 -m pip install --isolated --no-cache-dir --disable-pip-version-check -q "$@"
}

echo "== resolving ${packages[*]} from $mirror"
isolated_pip --no-index --find-links "$mirror" --target "$work/resolve" --report "$work/report.json" "${packages[@]}"
mkdir -p "$work/wheels"
python3 - "$work/report.json" "$mirror" "$work/wheels" <<'PY'
import json, os, shutil, sys
report, mirror, out = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
for item in report["install"]:
    name = os.path.basename(item["download_info"]["url"])
    shutil.copy(os.path.join(mirror, name), out)
PY
echo "  $(ls "$work/wheels" | wc -l) wheels"

echo "== the static tree (nginx)"
python3 - "$work/wheels" "$work/static" <<'PY'
import hashlib, os, re, sys, zipfile
wheels, static = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(static, "files"))
pages = {}
for name in sorted(os.listdir(wheels)):
    body = open(os.path.join(wheels, name), "rb").read()
    open(os.path.join(static, "files", name), "wb").write(body)
    with zipfile.ZipFile(os.path.join(wheels, name)) as wheel:
        metadata = wheel.read(next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")))
    open(os.path.join(static, "files", name + ".metadata"), "wb").write(metadata)
    project = re.sub(r"[-_.]+", "-", name.split("-")[0]).lower()
    digest, meta = hashlib.sha256(body).hexdigest(), hashlib.sha256(metadata).hexdigest()
    pages.setdefault(project, []).append(f'<a href="../../files/{name}#sha256={digest}" '
        f'data-dist-info-metadata="sha256={meta}" data-core-metadata="sha256={meta}">{name}</a><br>')
for project, links in pages.items():
    os.makedirs(os.path.join(static, "simple", project))
    with open(os.path.join(static, "simple", project, "index.html"), "w") as page:
        page.write("<!DOCTYPE html>\n<html><body>\n" + "\n".join(links) + "\n</body></html>\n")
PY
chmod 755 "$work"; chmod -R a+rX "$work/static"     # nginx's workers run as an unprivileged user
cat >"$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { text/html html; application/octet-stream whl metadata; }
  server { listen 127.0.0.1:$nginx_port; root $work/static; index index.html; }
}
NGINX
nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!

echo "== Assay: one upload per wheel"
start_assay "$port" "$data"
printf 'bench password\n' | "$root/assay" user add bench --email bench@example.org --password-stdin --data "$data" >/dev/null
token=$("$root/assay" token create bench --data "$data" 2>/dev/null)
for wheel in "$work"/wheels/*.whl; do
  read -r name version metadata_version < <(python3 - "$wheel" <<'PY'
import email.parser, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    text = wheel.read(next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))).decode()
headers = email.parser.Parser().parsestr(text, headersonly=True)
print(headers["Name"], headers["Version"], headers["Metadata-Version"])
PY
)
  status=$(curl -s -o "$work/upload.out" -w '%{http_code}' -u "__token__:$token" \
    -F ':action=file_upload' -F protocol_version=1 -F "metadata_version=$metadata_version" -F "name=$name" \
    -F "version=$version" -F filetype=bdist_wheel -F pyversion=py3 \
    -F "sha256_digest=$(sha256sum "$wheel" | cut -d' ' -f1)" -F "content=@$wheel" "http://127.0.0.1:$port/legacy/")
  [ "$status" = 200 ] || { echo "bench: upload of $(basename "$wheel") failed: HTTP $status" >&2; cat "$work/upload.out" >&2; exit 1; }
done
curl -sf "http://127.0.0.1:$port/simple/flask/" | grep -q 'data-core-metadata' ||
  { echo "bench: Assay does not announce .metadata files" >&2; exit 1; }

# Every upload queued a pipeline (sandboxed checks of the wheel) for the server's worker: rounds measured while they
# run share the 2 cores with them (in the first idle run they did, and JFR showed a third of the server's samples in
# the worker's threads), so the installs start once none is queued or running.
pipelines_pending() {
  local project status
  for project in $(ls "$work/static/simple"); do
    for status in queued running; do
      [ "$(curl -sf "http://127.0.0.1:$port/api/v1/projects/$project/pipelines?status=$status")" = "[]" ] || return 0
    done
  done
  return 1
}
echo "== waiting for the uploads' pipelines"
waited=0
while pipelines_pending; do
  [ "$waited" -lt 900 ] || { echo "bench: the uploads' pipelines still run after 15 minutes" >&2; exit 1; }
  sleep 1; waited=$((waited + 1))
done
echo "  done after ${waited} s"

target=0
install_from() {  # index URL; prints the milliseconds
  target=$((target + 1))
  millis isolated_pip --index-url "$1" --target "$work/target-$target" "${packages[@]}"
  [ -f "$work/target-$target/flask/__init__.py" ] || [ "${packages[0]}" != flask ] ||
    { echo "bench: pip install from $1 failed" >&2; exit 1; }
  rm -rf "$work/target-$target"
}
assay_install() { install_from "http://127.0.0.1:$port/simple/"; }
static_install() { install_from "http://127.0.0.1:$nginx_port/simple/"; }
# warm-up: the page cache, and the JIT (a server that has answered a few hundred requests, as a running one has)
for warm in 1 2 3; do assay_install >/dev/null; done; static_install >/dev/null
server_cpu() { awk '{print $14 + $15}' "/proc/$assay_pid/stat"; }    # clock ticks, user + system
echo "== pip install ${packages[*]}, $rounds rounds (load average $(cut -d' ' -f1-3 /proc/loadavg))"
cpu_before=$(server_cpu)
alternate "pip install ${packages[*]}" "$rounds" ms "<= 1.0x" assay_install static_install
echo "  Assay's CPU time per install: $(( ($(server_cpu) - cpu_before) * 1000 / $(getconf CLK_TCK) / rounds )) ms" \
  "(the server process; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
