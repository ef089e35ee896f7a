#!/bin/bash
# Starts the app on a workbook and returns once its window is shown, for
# timing open-to-window with hyperfine (under a virtual display: run.sh
# runs under build-aux/with-xvfb.sh).
#
#   bench/open-window.sh APP FILE
set -euo pipefail
app=$1 file=$2
GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$(dirname "$(dirname "$app")")/data" \
  GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none "$app" "$file" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
# xdotool's own --sync waits half a second between looks: look more often
for _ in $(seq 6000); do
  xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1 && exit 0
  kill -0 "$pid" 2>/dev/null || { echo "the app exited before its window showed" >&2; exit 1; }
  sleep 0.01
done
echo "no window in 60 s" >&2
exit 1
