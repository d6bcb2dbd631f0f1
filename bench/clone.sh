#!/usr/bin/env bash
# git over smart HTTP: Assay (JGit's GitServlet) against C git's `git http-backend` behind nginx + fcgiwrap.
#
#   bench/clone.sh [ROUNDS] [COMMITS] [FETCHES]      defaults: 3 3000 10
#
# Generates a repository of COMMITS commits (bench/gen-repo.py into `git fast-import`; about 400 files), pushes
# it to a project on a fresh `./assay serve`, and serves the same bare repository, `git gc`-ed as a C git server
# keeps it (bitmaps, packed refs), with git http-backend. Then, alternating Assay and the baseline each round:
#   - `git clone` into a fresh folder (checkout included);
#   - FETCHES times `git fetch` of an up-to-date clone (ms for all of them);
#   - `git push` of one new commit (a new file) on top of the large history, once the repack of the last is done.
# Waits for Assay's background maintenance to finish before measuring (ASSAY_GIT_MAINTENANCE_DELAY=0s unless set).
# Environment such as ASSAY_JAVA_OPTS passes through to the server (JFR: see README, Benchmarks).
# Needs: nginx (nginx-light), fcgiwrap, git, curl, python3.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
rounds="${1:-3}"; commits="${2:-3000}"; fetches="${3:-10}"
need nginx nginx-light; need fcgiwrap fcgiwrap; need git git; need curl curl
backend=/usr/lib/git-core/git-http-backend
[ -x "$backend" ] || { echo "bench: $backend is missing: apt-get install -y git" >&2; exit 2; }

work=$(mktemp -d); data="$work/data"
port=$(free_port); nginx_port=$(free_port)
fcgi_pid=""; nginx_pid=""
cleanup() {
  stop_assay
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "$fcgi_pid" ] && kill -- "-$fcgi_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME"
git config --global user.name Bench; git config --global user.email bench@example.org
git config --global init.defaultBranch main

echo "== generating $commits commits"
git init -q --bare "$work/base/bench.git"
python3 "$root/bench/gen-repo.py" "$commits" | git -C "$work/base/bench.git" fast-import --quiet
git -C "$work/base/bench.git" symbolic-ref HEAD refs/heads/main
git -C "$work/base/bench.git" config http.receivepack true
git -C "$work/base/bench.git" gc -q
echo "   $(git -C "$work/base/bench.git" count-objects -vH | grep size-pack)"

echo "== starting Assay and nginx + fcgiwrap + git http-backend"
ASSAY_REVIEW_NEW_PROJECTS=false ASSAY_GIT_MAINTENANCE_DELAY="${ASSAY_GIT_MAINTENANCE_DELAY:-0s}" \
  start_assay "$port" "$data"
cli() { env -u ASSAY_JAVA_OPTS "$root/assay" "$@"; }   # a recording's messages stay out of the token
cli user add bench --email bench@example.org --admin --data "$data" --password-stdin \
  <<< 'bench-password-1' >/dev/null
token=$(cli token create bench --scope upload,push --data "$data")
curl -sf -u bench:bench-password-1 -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$port/api/v1/projects" >/dev/null
assay_url="http://__token__:$token@127.0.0.1:$port/git/bench.git"
base_url="http://127.0.0.1:$nginx_port/git/bench.git"
git -C "$work/base/bench.git" push -q "$assay_url" main

setsid fcgiwrap -c 2 -s "unix:$work/fcgi.sock" & fcgi_pid=$!   # its own group: its children go with it
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 2;
user $(id -un) $(id -gn);   # as root, workers would run as nobody and not reach the socket
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; fastcgi_temp_path $work/nginx/fastcgi;
  proxy_temp_path $work/nginx/proxy; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  client_max_body_size 0;
  server {
    listen 127.0.0.1:$nginx_port;
    location ~ ^/git(/.*)\$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME $backend;
      fastcgi_param GIT_PROJECT_ROOT $work/base;
      fastcgi_param GIT_HTTP_EXPORT_ALL "";
      fastcgi_param REMOTE_USER bench;
      fastcgi_param PATH_INFO \$1;
      fastcgi_buffering off;
      fastcgi_request_buffering off;
      fastcgi_pass unix:$work/fcgi.sock;
    }
  }
}
NGINX
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/stderr" & nginx_pid=$!
for i in $(seq 1 100); do
  curl -sf "$base_url/info/refs?service=git-upload-pack" >/dev/null && break
  if [ "$i" = 100 ] || ! kill -0 "$nginx_pid" 2>/dev/null; then
    cat "$work/nginx/stderr" "$work/nginx/error.log" >&2; echo "bench: git http-backend does not answer" >&2; exit 1
  fi
  sleep 0.1
done

# maintenance (if any) runs in the background after the push: measure what a client meets once it is done
wait_for_bitmap() {
  local i
  for i in $(seq 1 200); do
    ls "$data/git/bench.git/objects/pack/"*.bitmap >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "   (no bitmap in Assay's repository after 20 s: measuring without)" >&2
}
wait_for_bitmap
git clone -q "$assay_url" "$work/assay-up"
git clone -q "$base_url" "$work/base-up"

clone_from() { local to; to="$work/clone-$(date +%s%N)"; millis git clone -q "$1" "$to"; rm -rf "$to"; }
fetch_in() {  # folder
  local start end i
  start=$(date +%s%N)
  for i in $(seq 1 "$fetches"); do git -C "$1" fetch -q origin; done
  end=$(date +%s%N); echo $(( (end - start) / 1000000 ))
}
push_from() {  # folder
  local name; name="pushed-$(date +%s%N).txt"   # each measure runs in a subshell: no counter survives it
  echo "$name" >"$1/$name"; git -C "$1" add "$name"; git -C "$1" commit -qm "push $name" >/dev/null
  millis git -C "$1" push -q origin HEAD:main
}
assay_clone() { clone_from "$assay_url"; }
base_clone() { clone_from "$base_url"; }
assay_fetch() { fetch_in "$work/assay-up"; }
base_fetch() { fetch_in "$work/base-up"; }
# a push measured while the repack of the previous one still runs would measure the two: wait until the newest
# pack has its bitmap (only when maintenance runs at all)
settle() {
  local pack="$data/git/bench.git/objects/pack" i
  ls "$pack/"*.bitmap >/dev/null 2>&1 || return 0
  for i in $(seq 1 300); do
    [ -f "$(ls -t "$pack/"*.pack | head -1 | sed 's/\.pack$/.bitmap/')" ] && return 0
    sleep 0.1
  done
}
assay_push() { settle; push_from "$work/assay-up"; }
base_push() { push_from "$work/base-up"; }

echo "== $rounds rounds, load average $(cut -d' ' -f1-3 /proc/loadavg)"
alternate "git clone ($commits commits)" "$rounds" ms "<= 1.2x" assay_clone base_clone
alternate "git fetch, up to date (x$fetches)" "$rounds" ms "" assay_fetch base_fetch
alternate "git push, one commit" "$rounds" ms "" assay_push base_push
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
