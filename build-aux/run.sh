#!/bin/bash
# Installs what is needed, builds Leading Learning and runs it from the build
# folder. Arguments are passed to the app (e.g. a workbook to open).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -d build ] || meson setup build
ninja -C build
GSETTINGS_SCHEMA_DIR="$PWD/build/data" exec build/src/leading-learning "$@"
