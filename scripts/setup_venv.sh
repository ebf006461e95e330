#!/usr/bin/env bash
# Create .venv with Python >= 3.12 and install the project (with test tools when
# asked). Re-running only installs what changed in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

find_python() {
  local want
  want="$(cat .python-version 2>/dev/null || echo 3.12)"
  for candidate in "python$want" python3.13 python3.12 \
      "$HOME/.pyenv/versions/$want"*/bin/python \
      /root/.pyenv/versions/3.13*/bin/python /root/.pyenv/versions/3.12*/bin/python; do
    for p in $candidate; do
      if command -v "$p" >/dev/null 2>&1 &&
         "$p" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
        echo "$p"; return 0
      fi
    done
  done
  return 1
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then
  py="$(find_python)" || {
    echo "Python 3.12 atau lebih baru tidak ditemukan: pasang python3.12 (mis. 'apt-get install python3.12-venv' atau 'pyenv install 3.12') lalu ulangi." >&2
    exit 1
  }
  rm -rf .venv
  "$py" -m venv .venv || {
    echo "Modul venv Python tidak tersedia: pasang paket python3-venv untuk $py lalu ulangi." >&2
    exit 1
  }
fi

stamp=".venv/.installed${extras:+-$extras}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  target="."
  [ -n "$extras" ] && target=".[$extras]"
  .venv/bin/python -m pip install --quiet -e "$target" || {
    echo "Pemasangan paket Python gagal: periksa akses ke PyPI lalu ulangi." >&2
    exit 1
  }
  touch "$stamp"
fi
