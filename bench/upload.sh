#!/usr/bin/env bash
# A 100 MB wheel uploaded to `POST /legacy/` with curl (posting the form twine sends) and with twine, each against
# `sha256sum` + `cp` + `sync` of the same file on the same disk, alternating round after round; then twine and curl
# against a server that discards the body (what the client alone costs); the CPU time the server and the clients
# spent per upload (which depends less on the machine's load than the times); and the server's heap used before, at
# its peak during, and after the uploads.
#   bench/upload.sh [ROUNDS] [MEGABYTES]          (defaults: 3 rounds, 100 MB)
# Profile the server with ASSAY_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/upload.jfr" (see the README).
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
rounds="${1:-3}"; megabytes="${2:-100}"
need curl curl
need twine twine
work=$(mktemp -d); data="$work/data"; port=$(free_port); sink_port=$(free_port); sampler=""; sink=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$sink" ] && kill "$sink" 2>/dev/null || true
  stop_assay
  rm -rf "$work"
}
trap cleanup EXIT

"$root/assay" --version >/dev/null
mkdir -p "$data"
# the admin commands run without ASSAY_JAVA_OPTS: a flight recording's start message would end up in the token
token=$(printf 'bench password\n' | ASSAY_JAVA_OPTS= "$root/assay" user add uploader --email up@example.org \
          --password-stdin --data "$data" >/dev/null && ASSAY_JAVA_OPTS= "$root/assay" token create uploader --data "$data")
ASSAY_REVIEW_NEW_PROJECTS=false ASSAY_UPLOAD_MAX_FILE_SIZE=$((megabytes + 10))MB start_assay "$port" "$data"

# one random blob, wrapped in a fresh stored (uncompressed) wheel per upload: a file name is accepted once only
head -c "$((megabytes * 1024 * 1024))" /dev/urandom >"$work/blob"
echo 0 >"$work/counter"
new_wheel() {  # prints the path of a new wheel bigbench-N.0
  local n; n=$(( $(cat "$work/counter") + 1 )); echo "$n" >"$work/counter"
  python3 - "$work/blob" "$work/wheels" "$n.0" <<'PY'
import os, shutil, sys, zipfile
blob, out, version = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
path = os.path.join(out, f"bigbench-{version}-py3-none-any.whl")
info = f"bigbench-{version}.dist-info"
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as wheel:
    wheel.writestr("bigbench/__init__.py", "")
    with open(blob, "rb") as source, wheel.open("bigbench/blob.bin", "w", force_zip64=True) as target:
        shutil.copyfileobj(source, target, 1024 * 1024)
    wheel.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: bigbench\nVersion: {version}\n")
    wheel.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    wheel.writestr(f"{info}/RECORD", "")
print(path)
PY
}

# the form twine 4 sends: every metadata field first, then the file, with all three digests
curl_upload() { curl_to "http://127.0.0.1:$port/legacy/" curl; }
curl_sink() { curl_to "http://127.0.0.1:$sink_port/legacy/" curl-sink; }
curl_to() {  # url label
  local wheel version; wheel=$(new_wheel); version=$(basename "$wheel" | cut -d- -f2)
  local sha md5 blake
  sha=$(sha256sum "$wheel" | cut -d' ' -f1); md5=$(md5sum "$wheel" | cut -d' ' -f1)
  blake=$(python3 -c 'import hashlib,sys; h=hashlib.blake2b(digest_size=32)
with open(sys.argv[1],"rb") as f:
    [h.update(c) for c in iter(lambda: f.read(1<<20), b"")]
print(h.hexdigest())' "$wheel")
  millis_ok "$2" curl -sS --fail-with-body -u "__token__:$token" -F ':action=file_upload' -F protocol_version=1 \
    -F metadata_version=2.1 -F name=bigbench -F "version=$version" -F filetype=bdist_wheel -F pyversion=py3 \
    -F "md5_digest=$md5" -F "sha256_digest=$sha" -F "blake2_256_digest=$blake" -F "content=@$wheel" "$1"
  rm -f "$wheel"
}

twine_upload() { twine_to "http://127.0.0.1:$port/legacy/" twine; }
twine_sink() { twine_to "http://127.0.0.1:$sink_port/legacy/" twine-sink; }
twine_to() {  # url label
  local wheel; wheel=$(new_wheel)
  millis_ok "$2" twine upload --disable-progress-bar --non-interactive --repository-url "$1" \
    -u __token__ -p "$token" "$wheel"
  rm -f "$wheel"
}

# the floor: read the file once for its digest, write it once on the same disk, wait until it is on the disk
copy() {
  millis_ok copy sh -c 'sha256sum "$1" >/dev/null && cp "$1" "$2" && sync "$2"' copy "$baseline_wheel" "$data/copy.whl"
  rm -f "$data/copy.whl"
}

# like millis, but a failed command fails the benchmark instead of timing an error; appends the CPU time (ms) of the
# command and of the server during it to $work/cpu.LABEL
millis_ok() {  # label command...
  local label=$1 start end server; shift
  server=$(server_cpu); start=$(date +%s%N)
  /usr/bin/time -o "$work/time.out" -f '%U %S' "$@" >"$work/last.out" 2>&1 \
    || { cat "$work/last.out" >&2; echo "bench: $1 failed" >&2; exit 1; }
  end=$(date +%s%N)
  awk -v server=$(( $(server_cpu) - server )) '{printf "%d %d\n", ($1 + $2) * 1000, server}' "$work/time.out" \
    >>"$work/cpu.$label"
  echo $(( (end - start) / 1000000 ))
}

# CPU time (ms, user + system, every thread) the server has used so far
server_cpu() { awk -v tick="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / tick}' "/proc/$assay_pid/stat"; }

# CPU time (ms) each kind of server thread has used so far: "ms name" lines, digits in thread names dropped
thread_cpu() {
  local task tick; tick=$(getconf CLK_TCK)
  for task in /proc/"$assay_pid"/task/*; do
    # a thread may end between the listing and the reading: it is left out
    { tr -d '0-9' <"$task/comm" && sed 's/.*) //' "$task/stat" | cut -d' ' -f12-13; } 2>/dev/null | paste -sd' ' || true
  done | awk -v tick="$tick" 'NF >= 3 {c[$1] += ($(NF-1) + $NF) * 1000 / tick} END {for (n in c) print c[n], n}'
}

# median CPU ms per upload of LABEL: the client's (column 1) or the server's (column 2)
cpu_median() { sort -n -k"$2" "$work/cpu.$1" | awk -v c="$2" '{v[NR] = $c} END {print v[int((NR + 1) / 2)]}'; }

heap() { curl -s "http://127.0.0.1:$port/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }

# a server that reads each request's body and discards it: the time and CPU of the client alone
python3 - "$sink_port" <<'PY' >/dev/null 2>&1 &
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        left = int(self.headers["Content-Length"])
        while left > 0:
            left -= len(self.rfile.read(min(left, 1 << 20)))
        self.send_response(200); self.send_header("Content-Length", "3"); self.end_headers(); self.wfile.write(b"OK\n")
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY
sink=$!

baseline_wheel=$(new_wheel)
curl_upload >/dev/null                         # warms the server up (first request, JIT), outside the figures
rm -f "$work"/cpu.*
before=$(heap)
( while :; do heap; echo; sleep 0.1; done ) >"$work/heap.samples" 2>/dev/null &
sampler=$!
echo "== ${megabytes} MB upload, $rounds rounds, load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
thread_cpu >"$work/threads.before"
alternate "upload ${megabytes} MB, curl (twine's form)" "$rounds" ms "<= 1.5x" curl_upload copy
thread_cpu >"$work/threads.after"
echo "server CPU ms per curl upload by thread:" $(awk -v n="$rounds" 'NR == FNR {a[$2] = $1; next}
  ($1 - a[$2]) / n >= 5 {printf "%s %.0f,\n", $2, ($1 - a[$2]) / n}' "$work/threads.before" "$work/threads.after" | sort)
alternate "upload ${megabytes} MB, twine" "$rounds" ms "<= 1.5x" twine_upload copy
kill "$sampler"; wait "$sampler" 2>/dev/null || true; sampler=""
alternate "twine to a discarding server" "$rounds" ms "" twine_sink copy
alternate "curl to a discarding server" "$rounds" ms "" curl_sink copy
echo "CPU ms per upload (medians): server $(cpu_median curl 2) with curl, $(cpu_median twine 2) with twine;" \
  "client: curl $(cpu_median curl 1), twine $(cpu_median twine 1) (to the discarding server: curl" \
  "$(cpu_median curl-sink 1), twine $(cpu_median twine-sink 1)); baseline sha256sum + cp + sync $(cpu_median copy 1)"
echo "server heap used (MB): before $before, peak during the uploads $(sort -n "$work/heap.samples" | tail -n 1), after $(heap)"
