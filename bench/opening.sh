#!/bin/bash
# Opening must not grow with the text: the same 200 vision narratives,
# short with one revision each, and of 5 000 words with 20 revisions each,
# listed (--list) and opened to the window, timed with hyperfine in the
# same run. Prints a Markdown section for bench/RESULTS.md (run.sh adds it
# there; run alone, it prints it).
#
#   bench/opening.sh [APP]    (default: build-bench's, built here)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-7}
if [ $# -gt 0 ]; then
  app=$1
else
  [ -d build-bench ] || meson setup build-bench -Dbuildtype=release >&2
  ninja -C build-bench src/leading-learning bench/generate-narratives data/gschemas.compiled >&2
  app=$PWD/build-bench/src/leading-learning
fi
gen=$PWD/build-bench/bench/generate-narratives
[ -x "$gen" ] || ninja -C build-bench bench/generate-narratives >&2

out=$PWD/bench/out
json=$out/json-opening
mkdir -p "$out"; rm -rf "$json"; mkdir -p "$json"
[ -f "$out/light.llw" ] || "$gen" "$out/light.llw" 200 50 1
[ -f "$out/heavy.llw" ] || "$gen" "$out/heavy.llw" 200 5000 20

hyperfine --style basic --runs "$runs" --warmup 1 --export-json "$json/list.json" \
  -n list-light -n list-heavy \
  "$app --list $out/light.llw" "$app --list $out/heavy.llw" >/dev/null
# what every opening does first, and cannot do without reading every page
hyperfine --style basic --runs "$runs" --warmup 1 --export-json "$json/check.json" \
  -n check-light -n check-heavy \
  "sqlite3 -readonly $out/light.llw 'PRAGMA quick_check'" \
  "sqlite3 -readonly $out/heavy.llw 'PRAGMA quick_check'" >/dev/null
build-aux/with-xvfb.sh hyperfine --style basic --runs "$runs" --warmup 1 \
  --export-json "$json/window.json" -n window-light -n window-heavy \
  "bench/open-window.sh $app $out/light.llw" "bench/open-window.sh $app $out/heavy.llw" >/dev/null

python3 - "$json" "$runs" "$(du -h "$out/light.llw" | cut -f1)" "$(du -h "$out/heavy.llw" | cut -f1)" <<'PY'
import json, os, sys, datetime
d, runs, light_size, heavy_size = sys.argv[1:]
m = {}
for f in os.listdir(d):
    for r in json.load(open(os.path.join(d, f)))["results"]:
        m[r["command"]] = r["median"]
def ms(k): return f"{m[k]*1000:.0f} ms"
def ratio(a, b): return f"{m[a]/m[b]:.2f}×"
print("## Opening does not grow with the text\n")
print(f"Made by `bench/opening.sh` on {datetime.date.today()} ({os.cpu_count()} cores), median of "
      f"{runs} runs. Two workbooks of 200 vision narratives each (bench/generate-narratives): "
      f"short ones of 50 words with one revision ({light_size} on disk), and long ones of "
      f"5 000 words with 20 revisions ({heavy_size}). Opening reads each narrative's summary; "
      "its sections are read when the list shows it or it is opened, its revisions when "
      "they are looked at.\n")
print("| task | short narratives | long narratives | long ÷ short |")
print("| --- | --- | --- | --- |")
print(f"| `--list` | {ms('list-light')} | {ms('list-heavy')} | {ratio('list-heavy', 'list-light')} |")
print(f"| of which SQLite's `PRAGMA quick_check` (sqlite3 alone) | {ms('check-light')} | {ms('check-heavy')} | {ratio('check-heavy', 'check-light')} |")
print(f"| start to window shown (bench/open-window.sh) | {ms('window-light')} | {ms('window-heavy')} | {ratio('window-heavy', 'window-light')} |")
PY
