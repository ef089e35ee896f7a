#!/bin/bash
# The observation benchmark: a year of a large school's observations (10 000
# at the default scale of 250), timed in one process beside the alternative
# in the same run (bench/bench-observations.c). Writes
# bench/RESULTS-observations.md.
#
#   bench/observations.sh [SCALE]
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${1:-250}
command -v sqlite3 >/dev/null || apt-get install -y -q --no-install-recommends sqlite3
[ -d build-bench ] || meson setup build-bench -Dbuildtype=release
ninja -C build-bench bench/bench-observations

out=$PWD/bench/out
mkdir -p "$out"
report=$(build-bench/bench/bench-observations "$out/observations.llw" "$scale")
{
  echo "# Observation benchmark results"
  echo
  echo "Made by \`bench/observations.sh $scale\` on $(date +%Y-%m-%d) ($(uname -m), $(nproc) cores)."
  echo "Medians of several runs inside one process. Only the ratios carry from one machine to another."
  echo
  echo "$report"
  echo
  cat bench/observations-notes.md
} > bench/RESULTS-observations.md
cat bench/RESULTS-observations.md
