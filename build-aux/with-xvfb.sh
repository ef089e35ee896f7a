#!/bin/bash
# Runs a command under a virtual display of its own.
#
#   build-aux/with-xvfb.sh COMMAND [ARGS...]
#
# Unlike `xvfb-run -a`, which guesses a free display number and can lose the
# race to another X server starting at the same moment, Xvfb is asked to pick
# the number itself (-displayfd), so two runs on one machine never share or
# steal a display. The server never resets (-noreset): a reset when the last
# client disconnects can refuse the next test's connection. Access needs a
# fresh MIT cookie; the server listens on its local socket only.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/ll-xvfb.XXXXXX")
server_pid=
cleanup () {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
# The server loads every cookie in its file whatever display it names, so it
# can be written before the display number is known; clients look the cookie
# up under the real number, which is added to their file below.
touch "$dir/server" "$dir/client"
xauth -q -f "$dir/server" add :0 MIT-MAGIC-COOKIE-1 "$cookie"

Xvfb -displayfd 3 -auth "$dir/server" -nolisten tcp -noreset \
  -screen 0 1280x1024x24 3>"$dir/display" >"$dir/log" 2>&1 &
server_pid=$!

number=
for _ in $(seq 200); do
  if [ -s "$dir/display" ]; then
    number=$(tr -dc '0-9' <"$dir/display")
    [ -n "$number" ] && break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    break
  fi
  sleep 0.05
done
if [ -z "$number" ]; then
  echo "$0: Xvfb did not start:" >&2
  cat "$dir/log" >&2
  exit 1
fi

xauth -q -f "$dir/client" add ":$number" MIT-MAGIC-COOKIE-1 "$cookie"
export DISPLAY=":$number" XAUTHORITY="$dir/client"

status=0
"$@" || status=$?
exit "$status"
