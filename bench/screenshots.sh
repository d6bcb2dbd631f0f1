#!/usr/bin/env bash
# Screenshots of the main pages, for people reviewing the web UI's design (pictures, not a test).
#
#   bench/screenshots.sh [FOLDER]      default: assay-server/target/screenshots
#
# Starts Assay on a random port (H2) with sample data — a project with two releases, a source repository, a change
# request and queued pipelines — and writes <page>-<light|dark>-<1280|390>.png of each main page into FOLDER with
# headless Chromium (ScreenshotsTest, the fixture the accessibility test checks).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
folder="${1:-$root/assay-server/target/screenshots}"
mkdir -p "$folder"
folder="$(cd "$folder" && pwd)"
cd "$root"
log=$(mktemp)
if ./mvnw -B -q -ntp -pl assay-server -am test -Dtest=ScreenshotsTest -Dassay.screenshots="$folder" \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
  ls "$folder"/*.png | wc -l | xargs echo "PNG files in $folder:"
  rm -f "$log"
else
  tail -50 "$log"
  echo "full log: $log"
  exit 1
fi
