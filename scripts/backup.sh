#!/usr/bin/env bash
# Back up Portal Kampung KB: the PostgreSQL database (pg_dump custom format)
# and the uploaded files (MEDIA_ROOT), into one directory with checksums.
#
#   DATABASE_URL=postgres://user:pass@host:5432/kampungkb MEDIA_ROOT=/srv/kampungkb/media \
#     bash scripts/backup.sh [TARGET_DIR]
#
# TARGET_DIR defaults to backups/<UTC timestamp>. It receives:
#   db.dump         pg_dump -Fc (restore with scripts/restore.sh or pg_restore)
#   media.tar.gz    every uploaded file, paths relative to MEDIA_ROOT
#   SHA256SUMS      checksums of both
# The dump is consistent (one snapshot); take it while the portal runs.
set -euo pipefail

: "${DATABASE_URL:?Setel DATABASE_URL ke database PostgreSQL yang dicadangkan}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "backup.sh: hanya PostgreSQL yang didukung (DATABASE_URL=$DATABASE_URL)" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-$here/backups/$(date -u +%Y%m%dT%H%M%SZ)}"
media="${MEDIA_ROOT:-$here/media}"

mkdir -p "$target"
pg_dump --format=custom --compress=6 --no-owner --no-privileges \
  --dbname="$DATABASE_URL" --file="$target/db.dump"
if [ -d "$media" ]; then
  tar -C "$media" -czf "$target/media.tar.gz" .
else
  tar -czf "$target/media.tar.gz" --files-from /dev/null
fi
(cd "$target" && sha256sum db.dump media.tar.gz > SHA256SUMS)
echo "Cadangan tersimpan di $target"
