#!/bin/sh
# Prints, one a line, the Debian packages that provide the shared libraries the given
# executables load (from ldd), so the runtime image installs exactly those. Fails when a
# library is missing or belongs to no package. Used by deploy/Dockerfile's build stage.
set -eu
libs=$(for bin in "$@"; do ldd "$bin"; done) || exit 1
if printf '%s\n' "$libs" | grep -q 'not found'; then
  printf '%s\n' "$libs" | grep 'not found' >&2
  exit 1
fi
printf '%s\n' "$libs" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u |
while read -r lib; do
  real=$(readlink -f "$lib")
  found=""
  # Debian bookworm registers some libraries under /lib, others under /usr/lib (usrmerge).
  for path in "$lib" "$real" "/usr$lib" "/usr$real" "${lib#/usr}" "${real#/usr}"; do
    found=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1) || found=""
    [ -n "$found" ] && break
  done
  if [ -z "$found" ]; then
    echo "runtime-packages: no Debian package provides $lib" >&2
    exit 1
  fi
  echo "$found"
done | sort -u
