#!/usr/bin/env bash
# Load harness for engram-server (not run by CI): loopback only, bounded in time (DURATION per run) and count
# (MAX_REQUESTS per wrk thread). Starts its own servers on a fresh data dir, and measures with CONNECTIONS (64)
# connections:
#   1. GET /v1/memory/{agent}/context with CONTEXT_EPISODES (10^5) episodes recorded for that agent, the context
#      cache on (cache_ttl 1s, the server's default) with the access log on (the default) and off, and the cache
#      off (0s)
#   2. on the embedded store (SQLite): batched ingest (100 trajectories of ~2 KB per request, NDJSON) and
#      single-record ingest
#   3. the same two on Redis-buffered storage (buffer: redis in front of SQLite, a redis-server of its own on a free
#      port, AOF on with appendfsync everysec; the server runs the write-behind worker too), when redis-server is
#      installed; the buffer's backlog is printed after; then batched ingest again with `serve --no-worker` (the
#      buffer only fills, as when the workers run on other machines)
# and prints trajectories/s (or requests/s) with p50/p99 latency from wrk. Every run has a warm-up of WARMUP
# (30s) before it, not reported: on 2 cores the JIT needs that long under load. Needs wrk (apt-get install wrk).
#
#   benchmarks/http/load.sh                     # the full run (about 10 minutes)
#   DURATION=5s WARMUP=5s CONTEXT_EPISODES=10000 benchmarks/http/load.sh   # a quick one
#   PHASES=context RUNS=5 benchmarks/http/load.sh  # only the context runs, five of each (the p99 medians are printed)
# LOAD_SERVER_CMD and LOAD_ENGRAM_CMD run other builds than this checkout's launchers ("java -jar /x/engram-server.jar");
# not ENGRAM_*: those are configuration.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/benchmarks/http"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
MAX_REQUESTS="${MAX_REQUESTS:-200000}"
CONTEXT_EPISODES="${CONTEXT_EPISODES:-100000}"
PHASES="${PHASES:-context embedded redis}"
CONTEXT_TTLS="${CONTEXT_TTLS:-1s 0s}" # the context cache settings measured
RUNS="${RUNS:-1}"
server_cmd=(${LOAD_SERVER_CMD:-"$root/engram-server"})
engram_cmd=(${LOAD_ENGRAM_CMD:-"$root/engram"})
command -v wrk >/dev/null || { echo "load.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
redis_pid=""
port=""
url=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then
    kill -TERM "$redis_pid"
    wait "$redis_pid" 2>/dev/null || true
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
"${engram_cmd[@]}" --config "$work/engram.yaml" --namespace load import "$work/ctx.jsonl" >/dev/null
"${server_cmd[@]}" --config "$work/engram.yaml" keys list >/dev/null # builds the jar when needed
KEY="$("${server_cmd[@]}" --config "$work/engram.yaml" keys create --namespace load --role write 2>/dev/null)"
export KEY

start_server() { # extra configuration lines appended to the file
  printf '%s\n' "$@" > "$work/extra.yaml"
  cat "$work/engram.yaml" "$work/extra.yaml" > "$work/run.yaml"
  "${server_cmd[@]}" --config "$work/run.yaml" serve ${SERVE_ARGS:-} >"$work/out" 2>"$work/server.log" &
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

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

ingest() { # label
  BATCH=100 MAX_REQUESTS=1000000 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s -s "$here/ingest.lua" "$url" >/dev/null
  BATCH=100 MAX_REQUESTS="$MAX_REQUESTS" run "$1 batched ingest (100/request)" 100 -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$here/ingest.lua" "$url"
  BATCH=1 MAX_REQUESTS="$MAX_REQUESTS" run "$1 single-record ingest" 1 -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$here/ingest.lua" "$url"
}

echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg); wrk $THREADS threads, $CONNECTIONS connections, $DURATION per run after $WARMUP of warm-up"
phase() { [[ " $PHASES " == *" $1 "* ]]; }
context="/v1/memory/ctx-agent/context?task=deploy"
if phase context; then
  for ttl in $CONTEXT_TTLS; do
    for access_log in true false; do
      # the access log off only beside the cached run: the uncached one is bound by rendering, not by the log
      [ "$access_log" = false ] && [ "$ttl" = 0s ] && continue
      ENGRAM_SERVER__ACCESS_LOG="$access_log" start_server "context:" "  cache_ttl: $ttl"
      recorded="$(curl -s -H "Authorization: Bearer $KEY" "$url/v1/stats?agent=ctx-agent" | sed -n 's/.*"total_trajectories":\([0-9]*\).*/\1/p')"
      label="context ($recorded ep.), cache_ttl $ttl, access_log $access_log"
      GET_PATH="$context" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$here/get.lua" "$url" >/dev/null
      p99s=()
      for r in $(seq 1 "$RUNS"); do
        out="$(GET_PATH="$context" run "$label" 1 -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$here/get.lua" "$url")"
        echo "$out"
        p99s+=("$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$out")")
      done
      [ "$RUNS" -gt 1 ] && echo "$label: median p99 over $RUNS runs $(printf '%s\n' "${p99s[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}') ms"
      stop_server
    done
  done
fi

# ingest on the embedded store, then on a Redis-buffered one
if phase embedded; then
  start_server
  ingest "embedded:"
  stop_server
fi
if phase redis && command -v redis-server >/dev/null; then
  redis_port="$(free_port)"
  mkdir -p "$work/redis"
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --appendonly yes --appendfsync everysec \
    --save "" --logfile "$work/redis/log" >/dev/null &
  redis_pid=$!
  for _ in $(seq 1 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  start_server "storage: sqlite" "buffer: redis" "redis:" "  uri: redis://127.0.0.1:$redis_port"
  ingest "redis-buffered:"
  echo "redis-buffered backlog after: $(curl -s -H "Authorization: Bearer $KEY" "$url/v1/stats" | sed -n 's/.*"buffer":\({[^}]*}\).*/\1/p')"
  stop_server
  # the same with the worker in another process (not started: the buffer only fills), as when workers run elsewhere
  redis-cli -p "$redis_port" flushall >/dev/null
  SERVE_ARGS=--no-worker start_server "storage: sqlite" "buffer: redis" "redis:" "  uri: redis://127.0.0.1:$redis_port"
  BATCH=100 MAX_REQUESTS=1000000 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s -s "$here/ingest.lua" "$url" >/dev/null
  BATCH=100 MAX_REQUESTS="$MAX_REQUESTS" run "redis-buffered, --no-worker: batched" 100 -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$here/ingest.lua" "$url"
  stop_server
elif phase redis; then
  echo "redis-buffered: skipped (no redis-server; apt-get install redis-server)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
