#!/usr/bin/env bash
# Compares two claims-ingest binaries back to back: N alternating runs of ingest_stream_bench
# against each, then each one's articles/s and server CPU ms per article, run by run. On a
# shared machine only such alternating runs compare builds fairly (its speed drifts by tens
# of per cent from one minute to the next).
# Usage: bench/ingest_ab.sh N ARTICLES SERVER_A SERVER_B [ingest_stream_bench flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
n=$1 articles=$2 a=$3 b=$4
shift 4
bench=${BUILD_DIR:-build}/bench/ingest_stream_bench
for i in $(seq "$n"); do
  for server in "$a" "$b"; do
    out=$("$bench" --articles "$articles" --server "$server" "$@" | tail -3 | tr '\n' ' ')
    rate=$(echo "$out" | grep -oE '[0-9]+ articles/s' | head -1 | cut -d' ' -f1)
    ms=$(echo "$out" | grep -oE 'server [0-9.]+ ms' | cut -d' ' -f2)
    echo "$server $rate $ms"
  done
done | awk '{rate[$1] = rate[$1] " " $2; ms[$1] = ms[$1] " " $3}
            END {for (s in rate) printf "%s\n  articles/s:%s\n  server ms/article:%s\n", s, rate[s], ms[s]}'
