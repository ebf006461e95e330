#!/usr/bin/env bash
# Make sure a PostgreSQL server answers for the test suite and print the
# DATABASE_URL to use. Uses $DATABASE_URL when given, else the local server.
set -euo pipefail
if [ -n "${DATABASE_URL:-}" ]; then
  echo "$DATABASE_URL"; exit 0
fi
url="postgres://postgres@127.0.0.1:5432/kampungkb"
if ! command -v pg_isready >/dev/null 2>&1; then
  echo "PostgreSQL tidak ditemukan: pasang postgresql (mis. 'apt-get install postgresql') atau setel DATABASE_URL ke server PostgreSQL." >&2
  exit 1
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 || true
    for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "Server PostgreSQL di 127.0.0.1:5432 tidak menjawab: jalankan servernya atau setel DATABASE_URL." >&2
  exit 1
fi
# The replica tests (tests/test_replica.py) base-backup this server over a
# replication connection from 127.0.0.1: allow it where the local server
# already trusts 127.0.0.1 and we may edit its pg_hba.conf.
hba="$(psql -h 127.0.0.1 -U postgres -tAc 'SHOW hba_file' 2>/dev/null || true)"
if [ -n "$hba" ] && [ -w "$hba" ] &&
   ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_hba_file_rules WHERE 'replication' = ANY(database)" | grep -q 1; then
  echo "host replication postgres 127.0.0.1/32 trust  # replika uji (scripts/ensure_postgres.sh)" >>"$hba"
  psql -h 127.0.0.1 -U postgres -tAc "SELECT pg_reload_conf()" >/dev/null
  echo "pg_hba.conf: koneksi replikasi dari 127.0.0.1 diizinkan (replika uji)" >&2
fi
# The suite's own database is created by pytest (test_kampungkb); the base
# database only has to exist for tools that connect to it directly.
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='kampungkb'" | grep -q 1 ||
  createdb -h 127.0.0.1 -U postgres kampungkb >&2 || true
echo "$url"
