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
need=()
for tool in sqlite3 hyperfine pandoc; do
  command -v "$tool" >/dev/null || need+=("$tool")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi
[ -d build-bench ] || meson setup build-bench -Dbuildtype=release
ninja -C build-bench bench/bench-observations src/leading-learning

out=$PWD/bench/out
mkdir -p "$out"
report=$(build-bench/bench/bench-observations "$out/observations.llw" "$scale")

# The termly summary of the busiest term, exported as DocBook with its
# chart beside it, as whole processes; beside it pandoc reading and
# writing the same DocBook (as bench/run.sh compares the school profile).
app=$PWD/build-bench/src/leading-learning
summary=$("$app" --list "$out/observations.llw" | awk -F'\t' '$1 == "observation-summary" {print $2}' | tail -1)
rm -rf "$out/summary"; mkdir -p "$out/summary"
"$app" --export-docbook="$out/summary/summary.xml" --document="$summary" "$out/observations.llw"
hyperfine --style basic --runs 5 --warmup 1 --export-json "$out/summary.json" \
  -n summary -n summary-pandoc \
  "$app --export-docbook=$out/summary/timed.xml --document=$summary $out/observations.llw" \
  "pandoc -f docbook -t docbook5 -s $out/summary/summary.xml -o $out/summary/pandoc.xml" >/dev/null
report="$report
$(python3 - "$out/summary.json" "$summary" <<'PY'
import json, sys
m = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
print(f"| the termly summary `{sys.argv[2]}` exported as DocBook, with its chart (whole process) | "
      f"{m['summary']*1000:.0f} ms | pandoc DocBook → DocBook 5 of the same summary: "
      f"{m['summary-pandoc']*1000:.0f} ms | {m['summary']/m['summary-pandoc']:.2f}× |")
PY
)"
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
