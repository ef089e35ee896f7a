#!/bin/bash
# Installs, from Debian 12's packages, everything needed to build Leading
# Learning and run its whole test suite. Uses sudo when not run as root.
set -euo pipefail

packages=(
  # build
  gcc libc6-dev meson ninja-build pkgconf gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev libxml2-dev
  desktop-file-utils appstream-util shared-mime-info gtk-update-icon-cache
  # fonts for the window and for print
  fonts-cantarell fonts-dejavu-core
  # Mesa's GL and EGL: GTK opens EGL with the display even when it renders
  # with Cairo, so every run has the same drivers whatever the machine had
  libegl1 libegl-mesa0 libgl1-mesa-dri
  # tests: virtual display, accessibility, input events, PDF, DocBook
  # validation, tools
  xvfb xauth dbus at-spi2-core python3-pyatspi xdotool imagemagick
  poppler-utils jing docbook5-xml libxml2-utils sqlite3 librsvg2-bin
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
