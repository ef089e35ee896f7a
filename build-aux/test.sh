#!/bin/bash
# Installs what is needed, builds Leading Learning with warnings as errors and
# runs the whole test suite under a virtual display; then builds again with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the suite again.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

xvfb=(build-aux/with-xvfb.sh)

setup () {
  local dir=$1; shift
  if [ -d "$dir" ]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

echo "== Build (warnings are errors)"
setup build-test --werror -Dbuildtype=debugoptimized
ninja -C build-test
echo "== Tests"
# Every suite, the journeys among them: these drive the real program by
# keys and clicks, and run again below with the sanitizers, where each
# takes seconds and a crash or leak on closing the window fails it.
"${xvfb[@]}" meson test -C build-test --print-errorlogs --num-processes 2

echo "== Build with AddressSanitizer and UndefinedBehaviorSanitizer"
setup build-asan --werror -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
ninja -C build-asan
echo "== Tests under the sanitizers"
asan=detect_leaks=1:abort_on_error=1:detect_odr_violation=0
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# Without a display, and for the journeys, malloc unwinds slowly so that a
# leak shows where it came from through GLib (see tests/lsan.supp): the
# program the journeys drive, and the window tests, make enough quarks
# that GLib keeps its first block of them, which only a full stack can
# tell apart from a real leak. The other display tests allocate too much
# for that and keep the fast unwinder. The tests of GTK's own file chooser
# and print dialog run with their own suppressions (tests/lsan-dialogs.supp).
ASAN_OPTIONS=$asan:fast_unwind_on_malloc=0 \
  meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
  --suite displayless
ASAN_OPTIONS=$asan \
  "${xvfb[@]}" meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
  --no-suite displayless --no-suite journey --no-suite many-quarks --no-suite dialogs
ASAN_OPTIONS=$asan:fast_unwind_on_malloc=0 \
  "${xvfb[@]}" meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
  --suite journey --suite many-quarks --no-suite dialogs --no-suite plain-only
ASAN_OPTIONS=$asan:fast_unwind_on_malloc=0 \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan-dialogs.supp:print_suppressions=0" \
  "${xvfb[@]}" meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
  --suite dialogs --no-suite plain-only
