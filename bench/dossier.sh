#!/usr/bin/env bash
# Benchmarks of issue 3, each against a baseline measured on the same machine in the same run:
#  1. online submission (POST /api/v1/dossiers: a 1 KB form and one 100 KB PDF, signed in as the demo
#     applicant) against pgbench's simple inserts (one 1 KB row per transaction) into the same database;
#     and, in each round, against a ladder of baselines that receive the same request (app.bench.baseline=true,
#     no sign-in): the parts read and nothing else (bare), plus the document module's checks of the file
#     (type from content, virus scan, SHA-256: checked), plus the file written durably to the document store
#     and one row inserted (durable); SKIP_LADDER=1 leaves them out;
#  2. public lookup (GET /api/v1/lookup/{code}) against a bare endpoint reading one dossier row by its
#     primary key (enabled only here, app.bench.baseline=true).
# Run on demand, never in the tests:  bench/dossier.sh [seconds-per-round] [connections] [files|segments] [agencies]
# (agencies: how many communes receive the procedure, submissions take them in turn; default 1: every
# submission then waits for the previous one's commit on the agency's day counter, ADR 0013)
# (the third argument is the document store, app.documents.store; SKIP_BUILD=1 reuses the jar,
# SKIP_LOOKUP=1 measures the submission only, SKIP_LADDER=1 leaves the ladder out, JAR=path runs another build (a before/after comparison),
# WARMUP=seconds of submissions before the rounds (30), STATEMENTS=N counts the statements of N submissions instead, JAVA_OPTS go to the application's JVM, e.g. a flight recording:
# JAVA_OPTS=-XX:StartFlightRecording=filename=target/bench/app.jfr,settings=profile)
# Needs: a local PostgreSQL (user postgres), wrk and pgbench, the jar (built here).
set -euo pipefail
cd "$(dirname "$0")/.."
MEASURE=${1:-20}; CONNECTIONS=${2:-8}; STORE=${3:-files}; AGENCIES=${4:-1}
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
PORT=18081; DB=dvc_bench_dossier_$$; BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || apt-get install -y -qq wrk
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -n 1)
[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -q -DskipTests package
JAR=${JAR:-$(ls target/dichvucong-*.jar | grep -v original | head -n 1)}
mkdir -p target/bench target/tmp
psql -h 127.0.0.1 -U postgres -qc "create database $DB"
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true;
            psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"; rm -rf target/bench-documents; }
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres DEMO_DATA=true \
  SERVER_PORT=$PORT APP_BENCH_BASELINE=true APP_LOOKUP_MAXPERMINUTE=1000000000 DOCUMENTS_DIR=target/bench-documents DOCUMENTS_STORE=$STORE \
  java ${JAVA_OPTS:-} -Djava.io.tmpdir=target/tmp -jar "$JAR" > target/bench-dossier-app.log 2>&1 &
APP=$!
trap cleanup EXIT
until curl -sf "$BASE/actuator/health" >/dev/null; do sleep 1; done
export BENCH_AGENCY=$(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -v agencies="$AGENCIES" -f bench/dossier-setup.sql | tail -n 1)

# The form (1 KB, the generic e-form) and the file (a real PDF padded to 100 KB with a comment).
python3 - <<'PY'
import json
summary = "Đề nghị cấp bản sao trích lục khai sinh cho con để bổ sung hồ sơ nhập học. " * 11
form = {"requestSummary": summary[:900], "contactName": "Nguyễn Văn Công", "phone": "0912345678",
        "address": "Số 1 Hùng Vương, phường Pleiku, tỉnh Gia Lai"}
open("target/bench/form.json", "w", encoding="utf-8").write(json.dumps(form, ensure_ascii=False))
pdf = open("src/test/resources/document/giay-to-demo.pdf", "rb").read()
pad = 100 * 1024 - len(pdf) - 8
open("target/bench/file.pdf", "wb").write(pdf + b"\n%" + b"x" * pad + b"\n%%EOF\n")
PY
echo "document store: $STORE, receiving agencies: $AGENCIES"
echo "form $(wc -c < target/bench/form.json) bytes, file $(wc -c < target/bench/file.pdf) bytes, agency $BENCH_AGENCY"

# Sign in as the demo applicant; the CSRF token changes at sign-in, so read it afterwards.
JAR_FILE=target/bench/cookies.txt; rm -f "$JAR_FILE"
curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$BASE/login" >/dev/null
TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$JAR_FILE")
curl -s -c "$JAR_FILE" -b "$JAR_FILE" -o /dev/null --data-urlencode "username=congdan" \
  --data-urlencode "password=${DEMO_PASSWORD:-GiaLai@2026}" --data-urlencode "_csrf=$TOKEN" "$BASE/login"
curl -s -c "$JAR_FILE" -b "$JAR_FILE" -o /dev/null "$BASE/dossiers"
export BENCH_XSRF=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$JAR_FILE")
export BENCH_COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR_FILE"); XSRF-TOKEN=$BENCH_XSRF"
STATUS=$(curl -s -o target/bench/first.json -w '%{http_code}' -b "$JAR_FILE" -H "X-XSRF-TOKEN: $BENCH_XSRF" \
  -F procedureCode=9.900001 -F "agencyCode=${BENCH_AGENCY%%,*}" -F "form=<target/bench/form.json;type=application/json" \
  -F "component.1=@target/bench/file.pdf;type=application/pdf" "$BASE/api/v1/dossiers")
echo "first submission: HTTP $STATUS $(cat target/bench/first.json)"; [ "$STATUS" = 201 ]

psql -h 127.0.0.1 -U postgres -d "$DB" -qc "create table bench_insert(id bigserial primary key, payload text not null)"
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "create table bench_submission(id bigserial primary key, form text not null,
  sha256 text not null, storage_keys text not null)"
echo "insert into bench_insert(payload) values (repeat('x', 1024));" > target/bench/insert.sql
RUNGS="bare checked durable"; [ "${SKIP_LADDER:-}" = 1 ] && RUNGS=""
# CPU time (ms) used so far by the application and by every PostgreSQL process, from /proc
TICK_MS=$(( 1000 / $(getconf CLK_TCK) ))
cpu_ms() { awk -v t="$TICK_MS" '{ s += $14 + $15 } END { print s * t }' "$@" 2>/dev/null || echo 0; }
sys_ms() { awk -v t="$TICK_MS" '{ s += $15 } END { print s * t }' "$@" 2>/dev/null || echo 0; }
per() { awk -v d="$1" -v n="$2" 'BEGIN { printf "%.2f", d / (n > 0 ? n : 1) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
# PostgreSQL's processes as "pid ticks" lines; pg_delta_ms: the CPU they used between two snapshots, counted
# per process alive at the end (a backend that ended meanwhile, e.g. pgbench's, is left out rather than
# subtracted)
pg_snapshot() { for pid in $(pgrep -x postgres); do awk -v p="$pid" '{ print p, $14 + $15 }' /proc/"$pid"/stat 2>/dev/null || true; done; }
pg_delta_ms() { awk -v t="$TICK_MS" 'NR == FNR { before[$1] = $2; next } { d += $2 - ($1 in before ? before[$1] : 0) }
                END { print d * t }' <(echo "$1") <(echo "$2"); }
# measure LABEL PATH: one wrk run of the submission's request against PATH; prints its result and the CPU per
# answered request, and leaves its requests per second in RPS
measure() {
  local before after sys_before sys_after pg_before pg_after result done_ok
  before=$(cpu_ms /proc/$APP/stat); sys_before=$(sys_ms /proc/$APP/stat); pg_before=$(pg_snapshot)
  result=$(BENCH_PATH=$2 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MEASURE}s" --timeout 10s -s bench/submit.lua "$BASE" \
           | grep -E "RESULT|REFUSED")
  after=$(cpu_ms /proc/$APP/stat); sys_after=$(sys_ms /proc/$APP/stat); pg_after=$(pg_snapshot)
  done_ok=$(echo "$result" | awk -F'[ =]' '/RESULT/ { for (i = 1; i < NF; i++) { if ($i == "requests") r = $(i + 1);
                                           if ($i == "errors") e = $(i + 1) } } END { print r - e }')
  RPS=$(echo "$result" | awk -F'[ =]' '/RESULT/ { for (i = 1; i < NF; i++) if ($i == "rps") print $(i + 1) }')
  echo "round $round $1: $result"
  echo "round $round $1 CPU per request: application $(per "$(( after - before ))" "$done_ok") ms" \
       "(of which in the kernel $(per "$(( sys_after - sys_before ))" "$done_ok") ms)," \
       "PostgreSQL $(per "$(pg_delta_ms "$pg_before" "$pg_after")" "$done_ok") ms ($done_ok answered)"
}
# STATEMENTS=N: instead of the rounds, count the SQL statements that N submissions cause (run one after another,
# with log_statement = all on the benchmark database; background jobs' statements in that time are counted too),
# as a total per submission and by statement; PGLOG names PostgreSQL's log file.
if [ "${STATEMENTS:-0}" -gt 0 ]; then
  PGLOG=${PGLOG:-/var/log/postgresql/postgresql-15-main.log}
  psql -h 127.0.0.1 -U postgres -qc "alter database $DB set log_statement = 'all'"
  # the pool's connections predate the setting: end them, the pool opens new ones
  psql -h 127.0.0.1 -U postgres -qAt -c "select count(pg_terminate_backend(pid)) from pg_stat_activity
    where datname = '$DB' and pid <> pg_backend_pid()" >/dev/null
  submit_once() { curl -s -o /dev/null -w '%{http_code}\n' -b "$JAR_FILE" -H "X-XSRF-TOKEN: $BENCH_XSRF" \
    -F procedureCode=9.900001 -F "agencyCode=${BENCH_AGENCY%%,*}" -F "form=<target/bench/form.json;type=application/json" \
    -F "component.1=@target/bench/file.pdf;type=application/pdf" "$BASE/api/v1/dossiers"; }
  sleep 2; for i in 1 2 3 4 5; do submit_once >/dev/null; done; sleep 3
  FROM=$(( $(wc -l < "$PGLOG") + 1 ))
  for i in $(seq "$STATEMENTS"); do submit_once; done | sort | uniq -c | sed 's/^/HTTP /'
  sleep 5
  tail -n +"$FROM" "$PGLOG" | grep -E "postgres@$DB LOG:  (statement|execute [^:]*):" \
    | sed -E 's/.*LOG:  (statement|execute [^:]*): //' > target/bench/statements.txt
  echo "statements per submission: $(per "$(wc -l < target/bench/statements.txt)" "$STATEMENTS")" \
       "($(wc -l < target/bench/statements.txt) for $STATEMENTS submissions)"
  cut -c1-90 target/bench/statements.txt | sort | uniq -c | sort -rn | head -n 40
  psql -h 127.0.0.1 -U postgres -qc "alter database $DB reset log_statement"
  exit 0
fi
echo "warming up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-30}s" -s bench/submit.lua "$BASE" >/dev/null
for rung in $RUNGS; do
  BENCH_PATH=/bench/uploads/$rung wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/submit.lua "$BASE" >/dev/null
done
"$PGBENCH" -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j "$THREADS" -T 5 -f target/bench/insert.sql "$DB" >/dev/null
for round in 1 2 3; do
  APP_BEFORE=$(cpu_ms /proc/$APP/stat); APP_SYS_BEFORE=$(sys_ms /proc/$APP/stat); PG_BEFORE=$(pg_snapshot)
  DOSSIERS_BEFORE=$(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c 'select count(*) from dossier')
  RESULT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MEASURE}s" --timeout 10s -s bench/submit.lua "$BASE" | grep -E "RESULT|REFUSED")
  APP_AFTER=$(cpu_ms /proc/$APP/stat); APP_SYS_AFTER=$(sys_ms /proc/$APP/stat); PG_AFTER=$(pg_snapshot)
  CREATED=$(( $(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c 'select count(*) from dossier') - DOSSIERS_BEFORE ))
  echo "round $round submission: $RESULT"
  echo "round $round CPU per submission: application $(per "$(( APP_AFTER - APP_BEFORE ))" "$CREATED") ms" \
       "(of which in the kernel $(per "$(( APP_SYS_AFTER - APP_SYS_BEFORE ))" "$CREATED") ms)," \
       "PostgreSQL $(per "$(pg_delta_ms "$PG_BEFORE" "$PG_AFTER")" "$CREATED") ms ($CREATED dossiers)"
  SUBMISSION_RPS=$(echo "$RESULT" | awk -F'[ =]' '/RESULT/ { for (i = 1; i < NF; i++) if ($i == "rps") print $(i + 1) }')
  PGBENCH_LINE=$("$PGBENCH" -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j "$THREADS" -T "$MEASURE" \
        -f target/bench/insert.sql "$DB" | grep -E '^tps' | head -n 1)
  echo "round $round pgbench:    $PGBENCH_LINE"
  TPS=$(echo "$PGBENCH_LINE" | awk '{ print $3 }')
  LADDER=""
  for rung in $RUNGS; do
    measure "$rung" "/bench/uploads/$rung"
    LADDER="$LADDER $rung $(ratio "$RPS" "$TPS")"
  done
  echo "round $round ratio to pgbench ($TPS TPS):$LADDER submission $(ratio "$SUBMISSION_RPS" "$TPS")"
done

[ "${SKIP_LOOKUP:-}" = 1 ] && exit 0
psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c "select '/api/v1/lookup/' || code from dossier order by id limit 500" \
  > target/bench/lookup-paths.txt
psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c "select '/bench/dossiers/' || id from dossier order by id limit 500" \
  > target/bench/baseline-paths.txt
echo "dossiers in the database: $(psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c 'select count(*) from dossier')"
BENCH_PATHS=target/bench/lookup-paths.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/paths.lua "$BASE" >/dev/null
BENCH_PATHS=target/bench/baseline-paths.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/paths.lua "$BASE" >/dev/null
for round in 1 2 3; do
  echo "round $round lookup:   $(BENCH_PATHS=target/bench/lookup-paths.txt wrk -t"$THREADS" -c"$CONNECTIONS" \
        -d"${MEASURE}s" -s bench/paths.lua "$BASE" | grep RESULT)"
  echo "round $round baseline: $(BENCH_PATHS=target/bench/baseline-paths.txt wrk -t"$THREADS" -c"$CONNECTIONS" \
        -d"${MEASURE}s" -s bench/paths.lua "$BASE" | grep RESULT)"
done
