#!/bin/bash
# The portfolio benchmark: one portfolio of about 50 000 words, with and
# without 30 pictures of 2 to 5 MB (bench/bench-portfolios.c), opened in
# one process; then its export as DocBook beside pandoc on the same text,
# and its PDF with the page count, as whole processes in the same run.
# Writes bench/RESULTS-portfolios.md.
#
#   bench/portfolios.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in hyperfine pandoc pdfinfo; do
  command -v "$tool" >/dev/null || need+=("$tool")
done
if [ ${#need[@]} -gt 0 ]; then
  need=("${need[@]/pdfinfo/poppler-utils}")
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi
[ -d build-bench ] || meson setup build-bench -Dbuildtype=release
ninja -C build-bench bench/bench-portfolios src/leading-learning

out=$PWD/bench/out/portfolios
rm -rf "$out"; mkdir -p "$out"
report=$(build-bench/bench/bench-portfolios "$out")

app=$PWD/build-bench/src/leading-learning
id=$("$app" --list "$out/evidence.llw" | awk -F'\t' '$1 == "portfolio" {print $2}' | head -1)
mkdir -p "$out/with" "$out/plain"
# the export once to keep, for pandoc to read and for its size
"$app" --export-docbook="$out/with/portfolio.xml" --document="$id" "$out/evidence.llw"
"$app" --export-docbook="$out/plain/portfolio.xml" --document="$id" "$out/plain.llw"
hyperfine --style basic --runs 5 --warmup 1 --export-json "$out/export.json" \
  -n export -n export-plain -n pandoc \
  "$app --export-docbook=$out/with/timed.xml --document=$id $out/evidence.llw" \
  "$app --export-docbook=$out/plain/timed.xml --document=$id $out/plain.llw" \
  "pandoc -f docbook -t docbook5 -s $out/with/portfolio.xml -o $out/with/pandoc.xml" >/dev/null
hyperfine --style basic --runs 3 --warmup 1 --export-json "$out/print.json" \
  -n print -n print-plain \
  "$app --print-pdf=$out/with/portfolio.pdf --document=$id $out/evidence.llw" \
  "$app --print-pdf=$out/plain/portfolio.pdf --document=$id $out/plain.llw" >/dev/null
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
export_kb=$(peak "$app" --export-docbook="$out/with/rss.xml" --document="$id" "$out/evidence.llw")
print_kb=$(peak "$app" --print-pdf="$out/with/rss.pdf" --document="$id" "$out/evidence.llw")
pages=$(pdfinfo "$out/with/portfolio.pdf" | awk '/^Pages:/ {print $2}')
plain_pages=$(pdfinfo "$out/plain/portfolio.pdf" | awk '/^Pages:/ {print $2}')
pdf_mb=$(du -m "$out/with/portfolio.pdf" | cut -f1)
images=$(find "$out/with/portfolio-images" -type f | wc -l)
words=$(pandoc -f docbook -t plain "$out/plain/portfolio.xml" | wc -w)
report="$report
$(python3 - "$out/export.json" "$out/print.json" "$pages" "$plain_pages" "$pdf_mb" "$images" "$export_kb" "$print_kb" <<'PY'
import json, sys
e = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
p = {r["command"]: r["median"] for r in json.load(open(sys.argv[2]))["results"]}
pages, plain_pages, pdf_mb, images, export_kb, print_kb = sys.argv[3:9]
print(f"| the portfolio exported as DocBook, {images} images written beside it (whole process; "
      f"peak memory {int(export_kb) / 1024:.0f} MB) | {e['export']*1000:.0f} ms | without the evidence: "
      f"{e['export-plain']*1000:.0f} ms; pandoc DocBook → DocBook 5 of the same book: {e['pandoc']*1000:.0f} ms | "
      f"{e['export']/e['pandoc']:.2f}× pandoc |")
print(f"| the portfolio printed to PDF, {pages} pages, {pdf_mb} MB (whole process; peak memory "
      f"{int(print_kb) / 1024:.0f} MB) | {p['print']*1000:.0f} ms | without the evidence, {plain_pages} pages: "
      f"{p['print-plain']*1000:.0f} ms | {p['print']/p['print-plain']:.2f}× |")
PY
)"
{
  echo "# Portfolio benchmark results"
  echo
  echo "Made by \`bench/portfolios.sh\` on $(date +%Y-%m-%d) ($(uname -m), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) of memory; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))."
  echo "The book has $words words as pandoc counts them. Medians of several runs. Only the ratios carry from one machine to another."
  echo
  echo "$report"
  echo
  cat bench/portfolios-notes.md
} > bench/RESULTS-portfolios.md
cat bench/RESULTS-portfolios.md
