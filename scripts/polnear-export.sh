#!/usr/bin/env bash
# Exports PolNeAR's train and dev splits (never test: it is reserved for acceptance) from a
# local git copy of github.com/networkdynamics/PolNeAR into a folder for `claimctl eval`
# and the optional corpus tests. PolNeAR has no licence: the export stays out of the repo
# (the default destination .cache/ is git-ignored).
# Usage: scripts/polnear-export.sh [GIT_DIR] [DEST]
set -euo pipefail
cd "$(dirname "$0")/.."
GIT_DIR=${1:-${POLNEAR_GIT_DIR:-/work/.mirror/networkdynamics+PolNeAR/repo}}
DEST=${2:-.cache/polnear}
if [ ! -d "$GIT_DIR" ]; then
  echo "no PolNeAR git copy at $GIT_DIR" >&2
  exit 1
fi
mkdir -p "$DEST"
for split in train dev; do
  git --git-dir="$GIT_DIR" archive HEAD "data/$split/text" "data/$split/attributions" | tar -x -C "$DEST"
done
echo "exported train and dev to $DEST ($(ls "$DEST/data/dev/text" | wc -l) dev articles)"
