#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole suite (unit, integration with real
# servers and RocksDB, claimctl end to end, the Python client). Exit status is the suite's.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
start=$(date +%s)
scripts/build.sh
echo "build: $(( $(date +%s) - start )) s"
start=$(date +%s)
cd "${BUILD_DIR:-build}"
status=0
ctest --output-on-failure -j 2 --timeout 600 || status=$?
echo "suite: $(( $(date +%s) - start )) s"
exit $status
