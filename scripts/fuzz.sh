#!/usr/bin/env bash
# Coverage-guided fuzzing of one target of tests/fuzz/fuzz_targets.h (text, html, feed, url)
# with clang's libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer, for SECONDS
# (default 300). Installs clang from Debian when missing, builds into ${BUILD_DIR:-build-fuzz},
# keeps the corpus in .cache/fuzz/TARGET (started from the target's seeds) and, on a failure,
# leaves the input as .cache/fuzz/crash-* and exits non-zero. Further arguments go to
# libFuzzer (e.g. -jobs=2); inputs grow up to 64 KB (-max_len=65536, as fuzz_test's) unless
# they say otherwise.
# Usage: scripts/fuzz.sh TARGET [SECONDS] [libFuzzer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh text|html|feed|url [SECONDS] [libFuzzer flags...]}
seconds=${2:-300}
case $seconds in
  ''|*[!0-9]*) echo "scripts/fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac
shift $(( $# >= 2 ? 2 : 1 ))
scripts/install-deps.sh clang libclang-rt-14-dev
BUILD_DIR=${BUILD_DIR:-build-fuzz}
CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCLAIMS_LIBFUZZER=ON >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-2}" --target "fuzz_$target"
corpus=.cache/fuzz/$target
mkdir -p "$corpus"
# Seeds are written into the corpus on first use; libFuzzer then grows it.
CLAIMS_FUZZ_SEEDS_DIR=$corpus ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$BUILD_DIR/tests/fuzz_$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
  -max_len=65536 -artifact_prefix=.cache/fuzz/ -print_final_stats=1 "$@" "$corpus"
