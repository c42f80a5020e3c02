#!/usr/bin/env bash
# Start-up of the production jar, as README "Deploying for a class" runs it: seconds from launch until
# the first API answer and the home page, and the CPU the process spent until then, three times.
# With --cds, the same from the extracted jar with a class-data-sharing archive (made first by a
# training run that stops once the application has started). Everything goes to 127.0.0.1 only.
#
#   mvn -B -Pproduction package -DskipTests && src/test/bench/startup.sh [--cds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18081}
JAR=$(ls target/energy-lab-*.jar | head -1)
OPTS=()
if [ "${1:-}" = "--cds" ]; then
  rm -rf target/startup-cds
  java -Djarmode=tools -jar "$JAR" extract --destination target/startup-cds > /dev/null
  JAR=target/startup-cds/$(basename "$JAR")
  java -XX:ArchiveClassesAtExit=target/startup-cds/app.jsa -Dspring.context.exit=onRefresh \
    -jar "$JAR" --server.port="$PORT" > target/startup-cds.log 2>&1
  OPTS=(-XX:SharedArchiveFile=target/startup-cds/app.jsa -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
for round in 1 2 3; do
  start=$(date +%s%N)
  OMP_NUM_THREADS=1 MALLOC_ARENA_MAX=2 java -Xmx1g "${OPTS[@]}" -jar "$JAR" --server.port="$PORT" \
    > target/startup.log 2>&1 &
  PID=$!
  until curl -s -o /dev/null -f "http://127.0.0.1:$PORT/api/simulations"; do sleep 0.05; done
  api=$(( ($(date +%s%N) - start) / 1000000 ))
  cpu=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$PID/stat")
  curl -s -o /dev/null -f "http://127.0.0.1:$PORT/"
  home=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "round $round: first API answer after ${api} ms (process CPU ${cpu} s), home page after ${home} ms"
  kill $PID
  wait $PID 2>/dev/null || true
done
