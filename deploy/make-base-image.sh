#!/usr/bin/env bash
# Makes debian:bookworm-slim locally with debootstrap, for machines that reach Debian's
# apt mirror but no image registry. The result resembles the official slim image (no
# docs, man pages or locales; empty apt lists) and uses the host's apt sources, so builds
# from it fetch packages from the same mirror as the host.
#   usage: deploy/make-base-image.sh [ENGINE]     (ENGINE: podman (default) or docker)
# Does nothing when the image is already there. Needs root and debootstrap.
set -euo pipefail
ENGINE=${1:-podman}
IMAGE=docker.io/library/debian:bookworm-slim

if $ENGINE image inspect "$IMAGE" >/dev/null 2>&1; then
  exit 0
fi

# The host's Debian mirror: deb822 sources first, then the one-line format.
mirror=""
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
fi
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
  mirror=$(awk '$1=="deb" && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list)
fi
mirror=${mirror:-http://deb.debian.org/debian}

rootfs=$(mktemp -d /var/tmp/claims-bookworm-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
echo "make-base-image: debootstrap bookworm from $mirror"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 || {
  tail -20 "$rootfs.log" >&2; rm -f "$rootfs.log"; exit 1; }
rm -f "$rootfs.log"

# Like the official slim image: keep documentation, man pages and locales out of every
# later package install, and drop what debootstrap already put there.
cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
CFG
cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'CFG'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
CFG
echo 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
rm -rf "$rootfs"/usr/share/{man,info,groff,lintian,linda}/* "$rootfs"/var/cache/apt/*.bin \
       "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} + 2>/dev/null || true

# The host's apt sources (all suites: bookworm, -updates, -security), as the official image has.
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$rootfs/etc/apt/sources.list.d/debian.sources"
  rm -f "$rootfs/etc/apt/sources.list"
fi

tar -C "$rootfs" --numeric-owner -c . |
  $ENGINE import --change 'CMD ["bash"]' - localhost/debian:bookworm-slim >/dev/null 2>&1
$ENGINE tag localhost/debian:bookworm-slim "$IMAGE"
echo "make-base-image: $IMAGE made locally ($($ENGINE image inspect --format '{{.Size}}' "$IMAGE") bytes)"
