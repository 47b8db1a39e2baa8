#!/usr/bin/env bash
# Starts a PostgreSQL server on loopback for the store tests and benchmarks and
# makes sure the test role exists. Idempotent. Uses Debian's cluster tools when
# present (pg_lsclusters / pg_ctlcluster); the tests create and drop their own
# databases and reach the server as COUNTER_TEST_PG_URL
# (default postgres://counter_test:counter_test@127.0.0.1:5432/postgres).
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "start-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_createcluster "$version" main --start -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
fi
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start
fi
for _ in $(seq 1 50); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.2
done
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
as_postgres psql -q -p "$port" -d postgres -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'counter_test') THEN
    CREATE ROLE counter_test LOGIN CREATEDB CREATEROLE PASSWORD 'counter_test';
  END IF;
END $$;
SQL
echo "start-postgres: PostgreSQL $version/$cluster online on 127.0.0.1:$port (role counter_test)"
