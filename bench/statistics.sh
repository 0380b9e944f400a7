#!/usr/bin/env bash
# Benchmark of issue 6: yearly processing statistics (GET /api/v1/statistics/processing) for one agency
# and for the whole province over N synthetic dossiers (default 10,000,000), each against a baseline
# measured in the same run on the same server: a bare endpoint reading one dossier row by its primary key
# (enabled only here, app.bench.baseline=true).
#  1. builds the jar, creates database $BENCH_DB (default dvc_bench_statistics), starts the application
#     with the demo data;
#  2. adds the synthetic dossiers in chunks of $CHUNK (bench/generate-dossiers.sql), timing each chunk,
#     unless the database already holds them;
#  3. rebuilds the read model through the administrators' endpoint (POST /api/v1/admin/statistics/recompute),
#     timed;
#  4. rounds of wrk (1 connection): agency and province for the year $YEAR (whole months) and for the
#     year to date $YTD_TO (the page's default period: ends inside a month, so days are summed too),
#     then the baseline; p50/p95 per round.
# Run on demand, never in the tests:  bench/statistics.sh [dossiers] [seconds-per-round] [rounds]
# KEEP=1 keeps the database (and skips steps 2-3 on the next run with the same BENCH_DB); otherwise it
# is dropped at the end. Needs a local PostgreSQL (user postgres), wrk, about 8 GB of disk for 10 M.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}; MEASURE=${2:-15}; ROUNDS=${3:-3}; CHUNK=${CHUNK:-500000}
YEAR=${YEAR:-2025}; YTD_TO=${YTD_TO:-2026-11-20}; AGENCY=${AGENCY:-000.00.03.H21}
PORT=18082; DB=${BENCH_DB:-dvc_bench_statistics}; BASE="http://127.0.0.1:$PORT"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1"
command -v wrk >/dev/null || apt-get install -y -qq wrk
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -q -DskipTests package
JAR=$(ls target/dichvucong-*.jar | grep -v original | head -n 1)
mkdir -p target/bench target/tmp
$PSQL -qAt -c "select 1 from pg_database where datname = '$DB'" | grep -q 1 || $PSQL -qc "create database $DB"
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true
            [ "${KEEP:-}" = 1 ] || $PSQL -qc "drop database if exists $DB with (force)"; }
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres DEMO_DATA=true \
  SERVER_PORT=$PORT APP_BENCH_BASELINE=true DOCUMENTS_DIR=target/bench-statistics-documents \
  java -Djava.io.tmpdir=target/tmp -jar "$JAR" > target/bench-statistics-app.log 2>&1 &
APP=$!
trap cleanup EXIT
until curl -sf "$BASE/actuator/health" >/dev/null; do sleep 1; done

now() { date +%s.%N; }
HAVE=$($PSQL -d "$DB" -qAt -c "select count(*) from dossier where procedure_name = 'Hồ sơ tổng hợp cho benchmark'")
if [ "$HAVE" -lt "$N" ]; then
  echo "generating $N dossiers in chunks of $CHUNK"
  START=$(now)
  for ((first = 1; first <= N; first += CHUNK)); do
    last=$(( first + CHUNK - 1 < N ? first + CHUNK - 1 : N )); t=$(now)
    $PSQL -d "$DB" -q -v first=$first -v last=$last -f bench/generate-dossiers.sql
    echo "  dossiers $first..$last: $(echo "$(now) - $t" | bc) s"
  done
  $PSQL -d "$DB" -qc "vacuum analyze dossier"
  echo "generation: $(echo "$(now) - $START" | bc) s, $($PSQL -d "$DB" -qAt -c 'select count(*) from dossier') dossiers"

  # Sign in as the system administrator; the CSRF token changes at sign-in, so read it afterwards.
  COOKIES=target/bench/admin-cookies.txt; rm -f "$COOKIES"
  curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" >/dev/null
  TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$COOKIES")
  curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "username=admin" \
    --data-urlencode "password=${DEMO_PASSWORD:-GiaLai@2026}" --data-urlencode "_csrf=$TOKEN" "$BASE/login"
  curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null "$BASE/"
  XSRF=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$COOKIES")
  t=$(now)
  echo "recompute: $(curl -s -m 3600 -b "$COOKIES" -H "X-XSRF-TOKEN: $XSRF" -X POST \
       "$BASE/api/v1/admin/statistics/recompute") in $(echo "$(now) - $t" | bc) s"
  $PSQL -d "$DB" -qc "analyze"
fi
$PSQL -d "$DB" -qAt -F ' ' -c "select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid))
  from pg_stat_user_tables where relname in ('dossier', 'statistics_dossier', 'statistics_day',
  'statistics_month', 'statistics_agency_month') order by relname"
df -h /work | tail -n 1

echo "/api/v1/statistics/processing?agency=$AGENCY&from=$YEAR-01-01&to=$YEAR-12-31" > target/bench/stat-agency.txt
echo "/api/v1/statistics/processing?from=$YEAR-01-01&to=$YEAR-12-31" > target/bench/stat-province.txt
echo "/api/v1/statistics/processing?agency=$AGENCY&from=${YTD_TO:0:4}-01-01&to=$YTD_TO" > target/bench/stat-agency-ytd.txt
echo "/api/v1/statistics/processing?from=${YTD_TO:0:4}-01-01&to=$YTD_TO" > target/bench/stat-province-ytd.txt
for f in agency province agency-ytd province-ytd; do
  echo "$f: $(cat target/bench/stat-$f.txt) -> $(curl -s "$BASE$(cat target/bench/stat-$f.txt)")"
done
$PSQL -d "$DB" -qAt -c "select '/bench/dossiers/' || id from dossier order by id desc limit 500" \
  > target/bench/stat-baseline.txt
run() { BENCH_PATHS=$1 wrk -t1 -c1 -d"$2" --latency -s bench/paths.lua "$BASE" | grep RESULT; }
echo "warming up"
for f in agency province agency-ytd province-ytd baseline; do run target/bench/stat-$f.txt 5s >/dev/null; done
for ((round = 1; round <= ROUNDS; round++)); do
  for f in agency province agency-ytd province-ytd baseline; do
    echo "round $round $f: $(run target/bench/stat-$f.txt "${MEASURE}s")"
  done
done
