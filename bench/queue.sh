#!/usr/bin/env bash
# Benchmark of the reception queue (issue 4): 1,000,000 dossiers at one agency (bench/generate-queue.sql),
# then the first page of the reception officer's queue, sequentially (one client), against a baseline in
# the same run:
#  - GET /api/v1/queue            (JSON, default filter: newly submitted, oldest first, page 0, size 20)
#  - GET /reception               (the same queue as the HTML page)
#  - GET /bench/dossiers/{id}     (baseline: a bare primary-key read of one dossier; app.bench.baseline=true)
# Run on demand, never in the tests:  bench/queue.sh [seconds-per-round] [warm-up-seconds] [dossiers]
# Needs: a local PostgreSQL (user postgres), wrk, the jar (built here).
set -euo pipefail
cd "$(dirname "$0")/.."
MEASURE=${1:-15}; WARMUP=${2:-60}; N=${3:-1000000}
# A free port (other benchmarks may be running on the machine).
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DB=dvc_bench_queue_$$; BASE="http://127.0.0.1:$PORT"; AGENCY=000.00.03.H21
command -v wrk >/dev/null || apt-get install -y -qq wrk
mvn -B -q -DskipTests package
JAR=$(ls target/dichvucong-*.jar | grep -v original | head -n 1)
mkdir -p target/bench target/tmp
psql -h 127.0.0.1 -U postgres -qc "create database $DB"
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true;
            psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"; rm -rf target/bench-queue-documents; }
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres DEMO_DATA=true \
  SERVER_PORT=$PORT APP_BENCH_BASELINE=true DOCUMENTS_DIR=target/bench-queue-documents \
  java -Djava.io.tmpdir=target/tmp -jar "$JAR" > target/bench-queue-app.log 2>&1 &
APP=$!
trap cleanup EXIT
until curl -sf "$BASE/actuator/health" >/dev/null; do kill -0 "$APP" || exit 1; sleep 1; done

START=$(date +%s)
psql -h 127.0.0.1 -U postgres -d "$DB" -q -v n="$N" -v agency="$AGENCY" -f bench/generate-queue.sql
echo "generated in $(( $(date +%s) - START )) s: $(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c \
  "select count(*) || ' dossiers at $AGENCY, ' || count(*) filter (where status = 1) || ' newly submitted'
     from dossier where agency_code = '$AGENCY'")"
echo "plan of the first page:"
psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c "explain (analyze, buffers, costs off)
  select d.id from dossier d where d.agency_code = '$AGENCY' and d.status in (1)
   order by d.submitted_at, d.id limit 20 offset 0" | sed 's/^/  /'
psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c "explain (analyze, costs off)
  select count(*) from dossier d where d.agency_code = '$AGENCY' and d.status in (1)" | sed 's/^/  /'

# Sign in as the Department of Justice's reception officer; the CSRF token changes at sign-in.
JAR_FILE=target/bench/queue-cookies.txt; rm -f "$JAR_FILE"
curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$BASE/login" >/dev/null
TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$JAR_FILE")
curl -s -c "$JAR_FILE" -b "$JAR_FILE" -o /dev/null --data-urlencode "username=tiepnhan.stp" \
  --data-urlencode "password=${DEMO_PASSWORD:-GiaLai@2026}" --data-urlencode "_csrf=$TOKEN" "$BASE/login"
COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR_FILE")"
STATUS=$(curl -s -o target/bench/queue-first.json -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/api/v1/queue")
echo "first page: HTTP $STATUS $(head -c 300 target/bench/queue-first.json)"; [ "$STATUS" = 200 ]

echo "/api/v1/queue" > target/bench/queue-api.txt
echo "/reception" > target/bench/queue-page.txt
psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c \
  "select '/bench/dossiers/' || id from dossier where agency_code = '$AGENCY' order by random() limit 500" \
  > target/bench/queue-baseline.txt
run() { BENCH_PATHS=$1 wrk -t1 -c1 -d"$2s" -H "Cookie: $COOKIE" -s bench/paths.lua "$BASE" | grep RESULT; }
echo "warming up ${WARMUP}s"
for f in api page baseline; do run target/bench/queue-$f.txt $(( WARMUP / 3 )) >/dev/null; done
for round in 1 2 3; do
  echo "round $round queue API:  $(run target/bench/queue-api.txt "$MEASURE")"
  echo "round $round queue page: $(run target/bench/queue-page.txt "$MEASURE")"
  echo "round $round baseline:   $(run target/bench/queue-baseline.txt "$MEASURE")"
done
