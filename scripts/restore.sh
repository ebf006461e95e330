#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and an
# empty (or new) MEDIA_ROOT.
#
#   createdb kampungkb_pulih
#   DATABASE_URL=postgres://user:pass@host:5432/kampungkb_pulih MEDIA_ROOT=/srv/kampungkb/media \
#     bash scripts/restore.sh BACKUP_DIR
#
# Checks the checksums first, restores in one transaction (all or nothing),
# then unpacks the uploaded files. Afterwards run `manage.py migrate` (a no-op
# when the code matches the backup) and `manage.py check --deploy`.
set -euo pipefail

src="${1:?Pakai: restore.sh BACKUP_DIR}"
: "${DATABASE_URL:?Setel DATABASE_URL ke database PostgreSQL kosong tujuan pemulihan}"
here="$(cd "$(dirname "$0")/.." && pwd)"
media="${MEDIA_ROOT:-$here/media}"

(cd "$src" && sha256sum --check --quiet SHA256SUMS)
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$src/db.dump"
mkdir -p "$media"
tar -C "$media" -xzf "$src/media.tar.gz"
echo "Pulih dari $src"
