#!/usr/bin/env bash
# Measures start-up time to the first answered request and idle resident memory, embedded database,
# warm data directory. Usage: scripts/measure-startup.sh [runs]   (builds the jar first if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
jar=$(ls target/parley-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[ -n "$jar" ] || { ./mvnw -B -q -DskipTests package; jar=$(ls target/parley-*.jar | grep -v original | head -n 1); }
data=$(mktemp -d /tmp/parley-bench-XXXX)
port=3917
start_once() {
  local t0 t1 pid
  t0=$(date +%s%N)
  PARLEY_DATA_DIR="$data" SERVER_PORT=$port java -jar "$jar" > "$data.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do sleep 0.05; done
  t1=$(date +%s%N)
  echo "$pid $(( (t1 - t0) / 1000000 ))"
}
# first start initialises the data directory (initdb + migrations); it is not counted
read -r pid ms < <(start_once); echo "cold start (initdb + migrations): ${ms} ms"; kill "$pid"; wait "$pid" 2>/dev/null || true
for i in $(seq 1 "$runs"); do
  read -r pid ms < <(start_once)
  echo "warm start $i: ${ms} ms to first /actuator/health answer"
  if [ "$i" = "$runs" ]; then
    sleep 15
    rss_java=$(ps -o rss= -p "$pid" | tr -d ' ')
    postmaster=$(pgrep -f -- "-D $data" | head -n 1 || true)
    pss_pg=$( { echo "$postmaster"; pgrep -P "$postmaster"; } | while read -r p; do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup"; done | awk '{s+=$1} END {print s+0}')
    echo "idle memory after 15 s: java RSS ${rss_java} KiB; embedded postgres PSS (postmaster + backends, shared pages split) ${pss_pg} KiB"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
rm -rf "$data" "$data.log"
