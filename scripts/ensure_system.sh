#!/usr/bin/env bash
# System programs the test suite needs: Chromium (browser tests), poppler-utils
# (reading PDFs), gettext (translation catalogue check), WeasyPrint's Pango.
# Installs them with apt-get when possible, otherwise says what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

# Another install (unattended-upgrades, a second `make test`) may hold the dpkg
# lock: wait for it a bounded time instead of failing at once.
LOCK_WAIT="${APT_LOCK_TIMEOUT:-300}"
APT=(apt-get -o "DPkg::Lock::Timeout=${LOCK_WAIT}" -o "Acquire::Retries=3")

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Memasang paket sistem: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${APT[@]}" update -qq >/dev/null || ! "${APT[@]}" install -y -qq "${missing[@]}" >/dev/null; then
    echo "Gagal memasang ${missing[*]}. Bila pesan di atas 'Could not get lock', pemasangan lain" \
      "masih memegang kunci dpkg setelah ${LOCK_WAIT} detik: tunggu sampai selesai (atau atur" \
      "APT_LOCK_TIMEOUT), lalu ulangi 'make test'." >&2
    exit 1
  fi
else
  echo "Paket sistem belum terpasang: ${missing[*]}. Pasang dengan 'sudo apt-get install ${missing[*]}' lalu ulangi." >&2
  exit 1
fi
