#!/usr/bin/env bash
# Configures and builds everything into ${BUILD_DIR:-build} with Ninja, two jobs.
# CLAIMS_SANITIZE=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
  -DCLAIMS_SANITIZE="${CLAIMS_SANITIZE:-OFF}" >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-2}"
