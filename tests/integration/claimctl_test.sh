#!/usr/bin/env bash
# claimctl against the real servers: ingest files (one bad), list with filters in every
# output format, get, orgs, topics, extract offline, delete, health.
# Usage: claimctl_test.sh CLAIMS_INGEST CLAIMS_QUERY CLAIMCTL
set -euo pipefail
INGEST_BIN=$1 QUERY_BIN=$2 CLAIMCTL=$3
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Starts a server on a free port and sets ADDRESS to its address. Runs in this shell (not a
# command substitution), so that the cleanup knows its PID.
start() {
  local name=$1; shift
  "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  PIDS+=($!)
  for _ in $(seq 1 200); do
    if grep -q ' listening on ' "$WORK/$name.out"; then
      ADDRESS=$(sed -n 's/.* listening on //p' "$WORK/$name.out" | head -1)
      return
    fi
    sleep 0.05
  done
  cat "$WORK/$name.err" >&2
  fail "$name did not start"
}

start ingest "$INGEST_BIN" --listen=127.0.0.1:0 --db="$WORK/db"
INGEST=$ADDRESS
start query "$QUERY_BIN" --listen=127.0.0.1:0 --db="$WORK/db" --secondary_dir="$WORK/sec"
QUERY=$ADDRESS
ctl() { "$CLAIMCTL" --ingest "$INGEST" --query "$QUERY" "$@"; }

cat >"$WORK/one.txt" <<'TXT'
"We will not let our data be sold," said Marion Macalpine, a spokesperson for the Hackney Coalition Against Palantir.

NHS England said the Federated Data Platform keeps patient data safe.
TXT
cat >"$WORK/two.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><title>Council debate</title></head>
<body><nav>Home | News</nav><article><h1>Council debate</h1>
<p>"The contract should be published in full," said Councillor Jane Holt.</p></article>
<footer>Copyright</footer></body></html>
HTML
printf '' >"$WORK/empty.txt"

# One bad file: reported, the others still go in, exit status 1.
set +e
ctl ingest --published 2026-01-21 "$WORK/one.txt" "$WORK/empty.txt" "$WORK/two.html" >"$WORK/ingest.out" 2>"$WORK/ingest.err"
status=$?
set -e
[ "$status" -eq 1 ] || fail "ingest with a bad file exited $status"
grep -q 'empty.txt' "$WORK/ingest.err" || fail "bad file not reported: $(cat "$WORK/ingest.err")"
[ "$(grep -c 'claims' "$WORK/ingest.out")" -eq 2 ] || fail "expected two ingested: $(cat "$WORK/ingest.out")"

# Wait for the secondary, then query.
for _ in $(seq 1 100); do
  n=$(ctl claims --output jsonl | wc -l)
  [ "$n" -ge 3 ] && break
  sleep 0.05
done
[ "$n" -ge 3 ] || fail "expected at least 3 claims, got $n"

ctl claims --speaker "Marion Macalpine" --output jsonl >"$WORK/m.jsonl"
[ "$(wc -l <"$WORK/m.jsonl")" -eq 1 ] || fail "speaker filter: $(cat "$WORK/m.jsonl")"
grep -q '"text":"We will not let our data be sold"' "$WORK/m.jsonl" || fail "claim text: $(cat "$WORK/m.jsonl")"
grep -q '"speaker":{"name":"Marion Macalpine"' "$WORK/m.jsonl" || fail "camelCase JSON: $(cat "$WORK/m.jsonl")"

ctl claims --organisation "nhs england" --from 2026-01-01 --to 2026-12-31 --output json | grep -q '"NHS England"' \
  || fail "organisation + date filter"
[ "$(ctl claims --organisation "nhs england" --to 2025-12-31 --output jsonl | wc -l)" -eq 0 ] \
  || fail "date filter should exclude everything before 2026"
ctl claims --speaker "Jane Holt" --output table | grep -q 'contract should be published' || fail "HTML article claim"

id=$(grep -o '"id":"[^"]*"' "$WORK/m.jsonl" | head -1 | cut -d'"' -f4)
ctl get "$id" | grep -q '"kind": "DIRECT_QUOTE"' || fail "get $id"
ctl orgs | grep -q 'nhs-england' || fail "orgs"
ctl orgs --prefix hack | grep -q 'hackney-coalition-against-palantir' || fail "orgs --prefix"
ctl topics --all | grep -q 'health' || fail "topics"

# Filter expressions, counts, the chart, export.
ctl claims --filter 'speaker = "Marion Macalpine" OR speaker = "Jane Holt"' --output jsonl >"$WORK/f.jsonl"
[ "$(wc -l <"$WORK/f.jsonl")" -eq 2 ] || fail "--filter OR: $(cat "$WORK/f.jsonl")"
set +e
ctl claims --filter 'speaker = ' 2>"$WORK/err.txt"; status=$?
set -e
[ "$status" -ne 0 ] && grep -q 'position' "$WORK/err.txt" || fail "bad --filter: $(cat "$WORK/err.txt")"
# The reason and field come from the error's google.rpc.ErrorInfo details.
grep -q '^claimctl: claims: INVALID_ARGUMENT (INVALID_FILTER_EXPRESSION, field filter_expression, position 10): filter_expression: ' \
  "$WORK/err.txt" || fail "bad --filter reason: $(cat "$WORK/err.txt")"
ctl count --by speaker --output jsonl >"$WORK/c.jsonl"
grep -q '{"key":"marion-macalpine","label":"Marion Macalpine","count":1}' "$WORK/c.jsonl" || fail "count: $(cat "$WORK/c.jsonl")"
ctl count --by month --chart | grep -q '^2026-01 .*█' || fail "chart: $(ctl count --by month --chart)"
total=$(ctl claims --limit 0 --output jsonl | wc -l)
[ "$(ctl export 2>/dev/null | wc -l)" -eq "$total" ] || fail "export should give all $total claims"

# Watch: a claim ingested after the watch starts arrives; its token resumes after it.
ctl watch --speaker "Tom Reed" --with-tokens >"$WORK/w.jsonl" 2>/dev/null &
WATCH=$!
PIDS+=($WATCH)
# The watch sees claims that land after it has subscribed, and nothing tells this script
# when that is: on a loaded machine, a first claim may land before. So a new claim (a new
# article each time) is ingested until one arrives, for up to 10 tries of 2 s.
for attempt in $(seq 1 10); do
  printf '"We need answers, round %s," said Tom Reed, a Hackney resident.\n' "$attempt" >"$WORK/three.txt"
  ctl ingest --published 2026-01-22 "$WORK/three.txt" >/dev/null
  for _ in $(seq 1 40); do
    grep -q 'We need answers' "$WORK/w.jsonl" && break 2
    sleep 0.05
  done
done
kill "$WATCH"
grep -q '"resumeToken"' "$WORK/w.jsonl" || fail "watch: $(cat "$WORK/w.jsonl")"

# Errors are specific and the exit status is non-zero.
set +e
ctl claims --from 2026-02-01 --to 2026-01-01 2>"$WORK/err.txt"; status=$?
set -e
[ "$status" -ne 0 ] && grep -q 'INVALID_ARGUMENT (INVALID_TIME_RANGE, field filter.end_time): filter.end_time' "$WORK/err.txt" \
  || fail "reversed dates: $(cat "$WORK/err.txt")"

# Offline extraction gives the same JSON shape.
"$CLAIMCTL" extract --published 2026-01-21 --output jsonl "$WORK/one.txt" | grep -q '"speaker":{"name":"Marion Macalpine"' \
  || fail "extract offline"

# A negative limit is a usage error, not "everything".
set +e
ctl claims --limit -1 >/dev/null 2>"$WORK/err.txt"; status=$?
set -e
[ "$status" -eq 2 ] && grep -q -- '--limit' "$WORK/err.txt" || fail "negative limit: $status $(cat "$WORK/err.txt")"

# A feed or a JSON file given as an article is refused with the command that reads it.
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>\n' >"$WORK/feed.xml"
set +e
"$CLAIMCTL" extract "$WORK/feed.xml" 2>"$WORK/err.txt"; status=$?
set -e
[ "$status" -ne 0 ] && grep -q 'use claimctl ingest-feed' "$WORK/err.txt" || fail "feed as article: $(cat "$WORK/err.txt")"

ctl health --service ingest | grep -q SERVING || fail "ingest health"
ctl health --service query | grep -q SERVING || fail "query health"

article=$(grep -o '"articleId":"[^"]*"' "$WORK/m.jsonl" | head -1 | cut -d'"' -f4)
ctl delete "$article" | grep -q 'deleted with' || fail "delete"
for _ in $(seq 1 100); do
  n=$(ctl claims --speaker "Marion Macalpine" --output jsonl | wc -l)
  [ "$n" -eq 0 ] && break
  sleep 0.05
done
[ "$n" -eq 0 ] || fail "deleted claims still listed"
echo "claimctl end to end: all checks passed"
