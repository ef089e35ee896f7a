#!/bin/bash
# Benchmarks on a generated large workbook, timed as whole processes with
# hyperfine (median of several runs), each beside an alternative measured in
# the same run so that the ratios mean something on a noisy machine.
#
#   bench/run.sh [SCALE]     (default 1000: about 21 000 people)
#
# Writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${1:-1000}
runs=${RUNS:-7}

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v pandoc >/dev/null || need+=(pandoc)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}"
fi
build-aux/install-deps.sh

[ -d build-bench ] || meson setup build-bench -Dbuildtype=release
ninja -C build-bench src/leading-learning bench/generate-narratives data/gschemas.compiled

app=$PWD/build-bench/src/leading-learning
out=$PWD/bench/out
rm -rf "$out"; mkdir -p "$out"
wb=$out/large.llw
json=$out/json; mkdir -p "$json"

h () { # name, then hyperfine arguments; N=... sets the runs for one task
  local name=$1; shift
  hyperfine --style basic --runs "${N:-$runs}" --export-json "$json/$name.json" "$@" >/dev/null
}

N=3 h generate --prepare "rm -f $wb $wb-wal $wb-shm" \
  "$app --generate-sample=$scale $wb"
"$app" --generate-sample="$scale" "$out/kept.llw"
mv "$out/kept.llw" "$wb"
"$app" --export-docbook="$out/school.xml" --document=1 "$wb"

h list --warmup 1 "$app --list $wb"
h list-sqlite3 "sqlite3 -readonly $wb 'SELECT id, name, role FROM person ORDER BY position, id' >/dev/null"
h check "$app --check $wb"
h check-sqlite3 "sqlite3 -readonly $wb 'PRAGMA integrity_check' >/dev/null"
h export "$app --export-docbook=$out/export.xml --document=1 $wb"
h export-pandoc "pandoc -f docbook -t docbook5 -s $out/school.xml -o $out/pandoc.xml"
N=3 h print "$app --print-pdf=$out/print.pdf --document=1 $wb"
N=3 h print-pandoc-html "pandoc -f docbook -t html5 -s $out/school.xml -o $out/pandoc.html"


pages=$(pdfinfo "$out/print.pdf" | awk '/^Pages:/ {print $2}')
people=$(sqlite3 -readonly "$wb" 'SELECT count(*) FROM person')
size=$(du -h "$wb" | cut -f1)

python3 - "$json" "$scale" "$people" "$size" "$pages" "$runs" > bench/RESULTS.md <<'PY'
import json, os, sys, platform, datetime
d, scale, people, size, pages, runs = sys.argv[1:]
m = {}
for f in os.listdir(d):
    for r in json.load(open(os.path.join(d, f)))["results"]:
        m[f[:-5]] = r["median"]
def ms(k): return f"{m[k]*1000:.0f} ms"
def ratio(a, b): return f"{m[a]/m[b]:.2f}×"
print("# Benchmark results\n")
print(f"Made by `bench/run.sh {scale}` on {datetime.date.today()} ({platform.machine()}, "
      f"{os.cpu_count()} cores). Whole processes, median of {runs} runs (3 for generate and print), "
      "timed with hyperfine. Only the ratios carry from one machine to another.\n")
print(f"Workbook: sample at scale {scale}: {people} people, {size} on disk; "
      f"the school profile prints as {pages} pages.\n")
print("| task | Leading Learning | alternative in the same run | ratio |")
print("| --- | --- | --- | --- |")
print(f"| generate the workbook | {ms('generate')} | — | — |")
print(f"| open and list (`--list`: opens, checks, loads the whole model) | {ms('list')} | sqlite3 reading the people: {ms('list-sqlite3')} | {ratio('list', 'list-sqlite3')} |")
print(f"| `--check` (full integrity check) | {ms('check')} | sqlite3 `PRAGMA integrity_check`: {ms('check-sqlite3')} | {ratio('check', 'check-sqlite3')} |")
print(f"| export the school profile as DocBook | {ms('export')} | pandoc DocBook → DocBook 5 of the same document: {ms('export-pandoc')} | {ratio('export', 'export-pandoc')} |")
print(f"| print the school profile to PDF | {ms('print')} | pandoc DocBook → HTML (no pagination): {ms('print-pandoc-html')} | {ratio('print', 'print-pandoc-html')} |")
print()
print("A ratio below 1 means Leading Learning is faster. sqlite3 only reads rows, so the "
      "open ratio is the price of checking the file and building the model; pandoc's "
      "HTML does not lay out pages, so the print row is an upper bound for comparison.")
PY
{ echo; bench/opening.sh "$app"; } >> bench/RESULTS.md
cat bench/RESULTS.md
