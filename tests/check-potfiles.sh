#!/bin/sh
# Check that po/POTFILES.in is complete and accurate:
#  - every file under src/ or ui/ that marks a string for translation
#    (_(" N_(" C_( NC_( ngettext translatable="yes") is listed, and
#  - every file listed exists.
# Usage: check-potfiles.sh [SOURCE_ROOT]
set -eu

root=${1:-$(dirname "$0")/..}
cd "$root" || exit 1

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
    echo "FAIL: $potfiles not found under $root"
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Listed paths, without comments, blank lines or "[type: ...]" prefixes.
sed -e 's/#.*$//' \
    -e 's/^[[:space:]]*\[[^]]*\][[:space:]]*//' \
    -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
    -e 's|^\./||' \
    "$potfiles" | grep -v '^$' | sort -u > "$tmp/listed" || true

status=0

# 1. Everything listed must exist.
while IFS= read -r f; do
    if [ ! -f "$f" ]; then
        echo "FAIL: $potfiles lists $f, which does not exist"
        status=1
    fi
done < "$tmp/listed"

# 2. Everything with a translation marker must be listed.
marker='(^|[^[:alnum:]_])(_|N_)[[:space:]]*\([[:space:]]*"|(^|[^[:alnum:]_])(C_|NC_)[[:space:]]*\(|ngettext|translatable[[:space:]]*=[[:space:]]*"(yes|true|1)"'
dirs=
for d in src ui; do
    [ -d "$d" ] && dirs="$dirs $d"
done
if [ -n "$dirs" ]; then
    # shellcheck disable=SC2086 # word splitting of $dirs is intended
    grep -rlIE --exclude-dir=.git "$marker" $dirs | sed 's|^\./||' | sort -u > "$tmp/marked" || true
else
    : > "$tmp/marked"
fi

while IFS= read -r f; do
    if ! grep -qxF "$f" "$tmp/listed"; then
        echo "FAIL: $f has translatable strings but is not listed in $potfiles"
        status=1
    fi
done < "$tmp/marked"

if [ "$status" -eq 0 ]; then
    echo "ok: $(wc -l < "$tmp/listed") files listed in $potfiles, all present;" \
         "$(wc -l < "$tmp/marked") files under src/ and ui/ mark strings, all listed"
fi
exit $status
