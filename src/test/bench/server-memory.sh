#!/usr/bin/env bash
# The production jar under a class's load, as README "Deploying for a class" runs it (2 workers,
# -Xmx1g, MALLOC_ARENA_MAX=2): resident memory idle, after 20 lesson pages and 30 learners running
# the default backprop-lagrangian with 30 seeds, and after two rounds of the heaviest accepted runs.
# Learners are told apart by X-Forwarded-For from the loopback address, which the server is told to
# trust. Everything goes to 127.0.0.1 only.
#
#   mvn -B -Pproduction package -DskipTests && src/test/bench/server-memory.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18080}
JAR=$(ls target/energy-lab-*.jar | head -1)
OMP_NUM_THREADS=1 MALLOC_ARENA_MAX=2 java -Xmx1g -jar "$JAR" --server.port="$PORT" \
  --energylab.runs.workers=2 --energylab.runs.trusted-proxies=127.0.0.1 > target/server-memory.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
for _ in $(seq 1 90); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/simulations" && break; sleep 1; done
mem() { awk '/VmRSS|VmHWM/{printf "%s %d MB  ", $1, $2/1024}' "/proc/$PID/status"; echo; }
run() {
  curl -s -o /dev/null -w "$1 %{http_code} %{time_total}s\n" -H "X-Forwarded-For: $2" \
    -H 'Content-Type: application/json' -d "$3" "http://127.0.0.1:$PORT/api/simulations/$1/runs"
}
echo "idle: $(mem)"

start=$(date +%s%N)
pids=()
for i in $(seq 1 20); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/lessons/backprop-as-lagrangian-optimisation" & pids+=($!)
done
for i in $(seq 1 30); do
  run backprop-lagrangian "10.0.0.$i" "{\"seed\": $i}" > "target/server-memory-burst-$i.txt" & pids+=($!)
done
wait "${pids[@]}"
echo "20 pages + 30 runs with 30 seeds: last answer after $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
  "statuses: $(cut -d' ' -f2 target/server-memory-burst-*.txt | sort | uniq -c | tr '\n' ' ')"
echo "after the burst: $(mem)"

for round in 1 2; do
  run backprop-lagrangian 10.1.0.1 '{"parameters":{"samples":2000,"batchSize":2000,"depth":4,"width":64,"steps":2000}}' & a=$!
  run multimodal-regression 10.1.0.2 '{"parameters":{"samples":2000,"width":64,"depth":4,"steps":3000}}' & b=$!
  wait $a $b
  run joint-embedding 10.1.0.1 '{"parameters":{"points":2000,"steps":3000,"batchSize":256,"width":64,"depth":3}}' & a=$!
  run pendulum 10.1.0.2 '{"parameters":{"ensemble":10000,"dt":0.01,"duration":20}}' & b=$!
  wait $a $b
  echo "after round $round of the heaviest runs (the second comes from the cache): $(mem)"
done
