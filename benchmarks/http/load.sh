#!/usr/bin/env bash
# Load harness for engram-server (not run by CI): loopback only, bounded in time (DURATION per run) and count
# (MAX_REQUESTS per wrk thread). Starts its own server on a fresh data dir with the embedded store, then measures
#   1. batched ingest: BATCH (100) trajectories of ~2 KB per request, NDJSON, CONNECTIONS (64) connections
#   2. single-record ingest: 1 trajectory per request, same connections
#   3. GET /v1/memory/{agent}/context with CONTEXT_EPISODES (10^5) episodes recorded for that agent
# and prints trajectories/s (or requests/s) with p50/p99 latency from wrk. Needs wrk (Debian: apt-get install wrk).
#
#   benchmarks/http/load.sh                     # the full run (a few minutes)
#   DURATION=5s CONTEXT_EPISODES=10000 benchmarks/http/load.sh   # a quick one
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/benchmarks/http"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
MAX_REQUESTS="${MAX_REQUESTS:-200000}"
CONTEXT_EPISODES="${CONTEXT_EPISODES:-100000}"
command -v wrk >/dev/null || { echo "load.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
port=""
url=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$work/engram.yaml" <<YAML
data_dir: $work/data
server:
  host: 127.0.0.1
  port: 0
  rate_limit: 0
  max_batch_items: 10000
YAML

# the context agent's history, imported by the command before the server starts (the fastest way in)
python3 "$here/episodes.py" "$CONTEXT_EPISODES" ctx-agent > "$work/ctx.jsonl"
"$root/engram" --config "$work/engram.yaml" --namespace load import "$work/ctx.jsonl" >/dev/null
"$root/engram-server" --config "$work/engram.yaml" keys list >/dev/null # builds the jar when needed
KEY="$("$root/engram-server" --config "$work/engram.yaml" keys create --namespace load --role write 2>/dev/null)"
export KEY

start_server() { # extra configuration lines appended to the file
  printf '%s\n' "$@" > "$work/extra.yaml"
  cat "$work/engram.yaml" "$work/extra.yaml" > "$work/run.yaml"
  "$root/engram-server" --config "$work/run.yaml" serve >"$work/out" 2>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 1 300); do
    grep -q 'listening on' "$work/out" 2>/dev/null && break
    sleep 0.1
  done
  port="$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/out")"
  [ -n "$port" ] || { cat "$work/server.log" >&2; echo "load.sh: the server did not start" >&2; exit 1; }
  url="http://127.0.0.1:$port"
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

run() { # name, items per request, wrk args...
  local name="$1" per="$2"
  shift 2
  local line
  line="$(wrk "$@" | grep '^RESULT')"
  local requests seconds
  requests="$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")"
  seconds="$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' <<<"$line")"
  printf '%-34s %s  => %.0f items/s\n' "$name" "$line" "$(echo "$requests * $per / $seconds" | bc -l)"
}

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk $THREADS threads, $CONNECTIONS connections, $DURATION per run"
context="/v1/memory/ctx-agent/context?task=deploy"
for ttl in 1s 0s; do
  start_server "context:" "  cache_ttl: $ttl"
  recorded="$(curl -s -H "Authorization: Bearer $KEY" "$url/v1/stats?agent=ctx-agent" | sed -n 's/.*"total_trajectories":\([0-9]*\).*/\1/p')"
  GET_PATH="$context" wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$here/get.lua" "$url" >/dev/null # warm-up
  GET_PATH="$context" run "context, cache_ttl $ttl ($recorded ep.)" 1 -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$here/get.lua" "$url"
  [ "$ttl" = 0s ] || stop_server
done

# ingest on the last server (warm-up first, not reported)
BATCH=100 MAX_REQUESTS=50 wrk -t"$THREADS" -c"$CONNECTIONS" -d5s --timeout 30s -s "$here/ingest.lua" "$url" >/dev/null
BATCH=100 MAX_REQUESTS="$MAX_REQUESTS" run "batched ingest (100/request)" 100 -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$here/ingest.lua" "$url"
BATCH=1 MAX_REQUESTS="$MAX_REQUESTS" run "single-record ingest" 1 -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$here/ingest.lua" "$url"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
