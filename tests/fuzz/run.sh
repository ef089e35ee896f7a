#!/bin/bash
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each in turn for SECONDS (default 60).
#
#   tests/fuzz/run.sh [SECONDS [TARGET...]]
#
# The build is in build-fuzz (LL_FUZZ_BUILD to change it). Each target keeps
# the corpus it grows in build-fuzz/fuzz/corpus/TARGET, so that a later run
# starts where this one stopped; an input that fails is saved in
# build-fuzz/fuzz/artifacts/TARGET/ and the script exits with status 1.
# Reproduce one with: build-fuzz/tests/fuzz/TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz-docbook-read fuzz-docbook-blocks fuzz-framework-read fuzz-store-open fuzz-store-log)
fi
build=${LL_FUZZ_BUILD:-build-fuzz}
work=$build/fuzz

options=(-Dfuzzing=true -Dbuildtype=debugoptimized
         -Db_sanitize=address,undefined -Db_lundef=false)
if [ -f "$build/build.ninja" ]; then
  meson configure "$build" "${options[@]}" >/dev/null
else
  CC=clang meson setup "$build" "${options[@]}"
fi
ninja -C "$build" "${targets[@]/#/tests/fuzz/}" tests/fuzz/fuzz-store-seeds

# Seeds that the build writes: small workbooks of each schema version, and
# logs of the workbook that fuzz-store-log puts them beside.
"$build/tests/fuzz/fuzz-store-seeds" "$work/seeds/fuzz-store-open"
if [[ " ${targets[*]} " == *" fuzz-store-log "* ]]; then
  LL_FUZZ_MAKE_SEEDS="$work/seeds/fuzz-store-log" "$build/tests/fuzz/fuzz-store-log"
fi

seeds_for () {
  echo "tests/fuzz/corpus/$1"
  case $1 in
    fuzz-docbook-read) echo tests/data/docbook tests/data/import ;;
    fuzz-docbook-blocks) echo tests/data/rich-text ;;
    fuzz-store-open) echo "$work/seeds/fuzz-store-open" ;;
    fuzz-store-log) echo "$work/seeds/fuzz-store-log" ;;
  esac
}

export ASAN_OPTIONS=detect_leaks=1:detect_odr_violation=0
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
export G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8

failed=0
report=()
for target in "${targets[@]}"; do
  corpus=$work/corpus/$target
  artifacts=$work/artifacts/$target/
  log=$work/$target.log
  mkdir -p "$corpus" "$artifacts"
  dict=()
  case $target in
    fuzz-docbook-*) dict=(-dict=tests/fuzz/docbook.dict) ;;
  esac
  echo "== $target for ${duration}s (log: $log)"
  # one at a time: the sanitizers and the fuzzer want the whole machine
  status=0
  # shellcheck disable=SC2046
  "$build/tests/fuzz/$target" -max_total_time="$duration" -max_len=65536 \
      -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="$artifacts" "${dict[@]}" \
      "$corpus" $(seeds_for "$target") >"$log" 2>&1 || status=$?
  last=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -n 1 || true)
  # the statistics come twice when a leak is found as the fuzzer exits
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1, ft \2, corpus \3/p')
  if [ $status -eq 0 ]; then
    line="$target: ok, ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-no coverage line}"
  else
    failed=1
    line="$target: FAILED (exit $status), after ${runs:-?} runs; see $log and $artifacts"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|FUZZ FINDING)|runtime error' "$log" | head -n 5 || true
  fi
  echo "$line"
  report+=("$line")
done

echo
echo "== Summary (${duration}s each)"
printf '%s\n' "${report[@]}"
exit $failed
