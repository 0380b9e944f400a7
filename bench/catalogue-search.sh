#!/usr/bin/env bash
# Benchmark: catalogue search over 50,000 procedures against the baseline of a primary-key read of one
# procedure, both on the same server in the same run. Run on demand (never part of the tests):
#   bench/catalogue-search.sh [warmup-seconds] [measure-seconds] [connections]
# Needs: a local PostgreSQL (user postgres), wrk (apt-get install -y wrk), the jar (built here).
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${1:-60}; MEASURE=${2:-30}; CONNECTIONS=${3:-8}
PORT=18080; DB=dvc_bench_$$
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
command -v wrk >/dev/null || apt-get install -y -qq wrk
mvn -B -q -DskipTests package
JAR=$(ls target/dichvucong-*.jar | grep -v original | head -n 1)
psql -h 127.0.0.1 -U postgres -qc "create database $DB"
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true;
            psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"; }
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres DEMO_DATA=true \
  SERVER_PORT=$PORT java -Djava.io.tmpdir=target/tmp -jar "$JAR" > target/bench-app.log 2>&1 &
APP=$!
trap cleanup EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do sleep 1; done
psql -h 127.0.0.1 -U postgres -d "$DB" -q -f bench/generate-procedures.sql
echo "warming up ${WARMUP}s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/search.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP / 3))s" -s bench/lookup.lua "http://127.0.0.1:$PORT" >/dev/null
for round in 1 2 3; do
  echo "round $round search:   $(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MEASURE}s" -s bench/search.lua "http://127.0.0.1:$PORT" | grep RESULT)"
  echo "round $round baseline: $(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MEASURE}s" -s bench/lookup.lua "http://127.0.0.1:$PORT" | grep RESULT)"
done
