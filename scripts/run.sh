#!/usr/bin/env bash
# Installs what is missing, builds, starts claims-ingest and claims-query on ./data,
# ingests the bundled sample articles, prints example queries, and serves until Ctrl-C.
#   CLAIMS_LISTEN (127.0.0.1:50051), CLAIMS_QUERY_LISTEN (127.0.0.1:50052), CLAIMS_DB
#   (./data/claims) override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/install-deps.sh
scripts/build.sh
BIN="$ROOT/${BUILD_DIR:-build}"
export CLAIMS_LISTEN=${CLAIMS_LISTEN:-127.0.0.1:50051}
export CLAIMS_QUERY_LISTEN=${CLAIMS_QUERY_LISTEN:-127.0.0.1:50052}
export CLAIMS_DB=${CLAIMS_DB:-$ROOT/data/claims}
mkdir -p "$(dirname "$CLAIMS_DB")" "$ROOT/data/logs"

pids=()
stop() {
  trap - EXIT INT TERM
  echo
  echo "stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop EXIT INT TERM

"$BIN/ingest-service/claims-ingest" >"$ROOT/data/logs/ingest.log" 2>&1 &
pids+=($!)
"$BIN/query-service/claims-query" --secondary_dir="$ROOT/data/query-secondary" \
  >"$ROOT/data/logs/query.log" 2>&1 &
pids+=($!)

CTL=("$BIN/cli/claimctl" --ingest "$CLAIMS_LISTEN" --query "$CLAIMS_QUERY_LISTEN")
for _ in $(seq 1 100); do
  if "${CTL[@]}" health --service ingest >/dev/null 2>&1 && "${CTL[@]}" health --service query >/dev/null 2>&1; then
    break
  fi
  sleep 0.1
done
"${CTL[@]}" health --service ingest
"${CTL[@]}" health --service query

echo "ingesting the sample articles (tests/fixtures/articles):"
SAMPLES="$ROOT/tests/fixtures/articles"
while IFS=$'\t' read -r file url title publisher published; do
  case "$file" in ''|'#'*|file) continue ;; esac
  args=()
  [ -n "$url" ] && args+=(--url "$url")
  [ -n "$title" ] && args+=(--title "$title")
  [ -n "$publisher" ] && args+=(--publisher "$publisher")
  [ -n "$published" ] && args+=(--published "$published")
  "${CTL[@]}" ingest "${args[@]}" "$SAMPLES/$file" || true
done <"$SAMPLES/index.tsv"
sleep 0.5

cat <<TXT

Both services are running (logs in data/logs). Try, in another terminal:
  $BIN/cli/claimctl claims --organisation Palantir
  $BIN/cli/claimctl claims --speaker "NHS England" --output jsonl
  $BIN/cli/claimctl claims --topic "data protection" --from 2025-07-01
  $BIN/cli/claimctl orgs
  $BIN/cli/claimctl topics
Press Ctrl-C to stop.
TXT
"${CTL[@]}" claims --limit 10 || true
wait
