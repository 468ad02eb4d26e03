#!/usr/bin/env bash
# Run the test suite against PostgreSQL and Redis: tools/test_postgres.sh WORKERS [PYTEST ARGS...]
#
# DATABASE_URL: the PostgreSQL to use. Unset, a fresh database is created on
#   127.0.0.1:5432 as user postgres (trust authentication) and dropped afterwards.
#   pytest-django creates its own test_<name>_gw0, _gw1, … next to it (one per xdist
#   worker), so the user needs CREATEDB; they are dropped at the end, also after a crash.
# REDIS_URL: the cache; default redis://127.0.0.1:6379/15. It and the databases below it
#   (one per xdist worker: 15, 14, ...) are flushed
#   before and after the run, so point it at one nothing else uses.
set -euo pipefail
cd "$(dirname "$0")/.."

workers="${1:-2}"
shift || true
PY=.venv/bin/python

export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/15}"
created_db=""
if [ -z "${DATABASE_URL:-}" ]; then
  created_db="sala_test_$(date +%Y%m%d%H%M%S)_$$"
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${created_db}"
fi

# Host, port, user and database name out of DATABASE_URL, for psql.
read -r pg_host pg_port pg_user pg_name < <(
  "$PY" -c 'import os, dj_database_url as d; c = d.parse(os.environ["DATABASE_URL"]); print(c["HOST"] or "127.0.0.1", c["PORT"] or 5432, c["USER"] or "postgres", c["NAME"])'
)
psql_admin() {
  psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

# Each xdist worker uses its own Redis database (sala/settings/test.py): REDIS_URL's number
# minus the worker's. Flush all of them.
flush_redis() {
  "$PY" - "$workers" <<'PY'
import os, sys
from urllib.parse import urlsplit
import redis
url = urlsplit(os.environ["REDIS_URL"])
first = int(url.path.lstrip("/") or 0)
for worker in range(max(int(sys.argv[1]), 1)):
    database = (first - worker) % 16
    redis.Redis.from_url(url._replace(path=f"/{database}").geturl(), socket_timeout=5).flushdb()
PY
}

cleanup() {
  status=$?
  flush_redis || echo "warning: could not flush $REDIS_URL" >&2
  # pytest-django drops its test databases itself, except when it is killed.
  for leftover in $(psql_admin -c "SELECT datname FROM pg_database WHERE datname ~ '^test_${pg_name}(_gw[0-9]+)?$'" 2>/dev/null); do
    psql_admin -c "DROP DATABASE IF EXISTS \"${leftover}\" WITH (FORCE)" || true
  done
  if [ -n "$created_db" ]; then
    psql_admin -c "DROP DATABASE IF EXISTS \"${created_db}\" WITH (FORCE)" || true
  fi
  exit "$status"
}
trap cleanup EXIT

if [ -n "$created_db" ]; then
  psql_admin -c "CREATE DATABASE \"${created_db}\""
fi
flush_redis
echo "PostgreSQL: ${pg_host}:${pg_port}/${pg_name} (test databases test_${pg_name}_gw*); Redis: ${REDIS_URL}"
.venv/bin/pytest -n "$workers" "$@"
