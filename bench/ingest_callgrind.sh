#!/usr/bin/env bash
# Instructions per streamed article of a claims-ingest binary: ingest_stream_bench against it
# run under valgrind's callgrind, which counts instructions of every thread (extraction,
# commits, RocksDB's flushes and compactions). Unlike times on a shared machine, the count
# repeats within a few tenths of a per cent, so two builds can be compared one after the other.
# Usage: bench/ingest_callgrind.sh SERVER [ARTICLES (2000)] [OUT (callgrind output file)]
# Then e.g. `callgrind_annotate --inclusive=yes OUT | head -60` shows where they go.
set -euo pipefail
cd "$(dirname "$0")/.."
server=$(readlink -f "$1") articles=${2:-2000} out=${3:-$(mktemp /tmp/ingest-callgrind.XXXXXX)}
wrapper=$(mktemp /tmp/ingest-callgrind-server.XXXXXX)
trap 'rm -f "$wrapper"' EXIT
printf '#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file=%s %s "$@"\n' "$out" "$server" > "$wrapper"
chmod +x "$wrapper"
"${BUILD_DIR:-build}/bench/ingest_stream_bench" --articles "$articles" --server "$wrapper" > /dev/null
total=$(awk '/^summary:/ {print $2}' "$out")
echo "$server: $total instructions for $articles articles and start-up ($((total / articles)) per article); $out"
