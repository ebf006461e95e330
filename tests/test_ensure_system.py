"""scripts/ensure_system.sh (issue 13 §10): while another install holds the
dpkg lock, apt-get waits for it a bounded time (DPkg::Lock::Timeout) on both
`update` and `install`, and when it still fails the script says why."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "ensure_system.sh"

FAKE_APT = """#!/bin/bash
echo "$@" >> "$APT_LOG"
if [ -n "$APT_FAIL" ]; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend" >&2
  exit 100
fi
"""


def _run(tmp_path: Path, fail: bool) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run the script with a PATH where chromium is missing, `id -u` says root
    and apt-get is a fake that logs its arguments."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("grep", "ldconfig", "cat", "env"):
        found = shutil.which(tool) or shutil.which(tool, path="/sbin:/usr/sbin")
        if found:
            (bin_dir / tool).symlink_to(found)
    (bin_dir / "id").write_text("#!/bin/bash\necho 0\n")
    (bin_dir / "apt-get").write_text(FAKE_APT)
    for name in ("id", "apt-get"):
        (bin_dir / name).chmod(0o755)
    log = tmp_path / "apt.log"
    env = {"PATH": str(bin_dir), "APT_LOG": str(log), "APT_LOCK_TIMEOUT": "7"}
    if fail:
        env["APT_FAIL"] = "1"
    bash = shutil.which("bash")
    result = subprocess.run(
        [bash, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls


def test_apt_waits_for_the_dpkg_lock_on_update_and_install(tmp_path):
    result, calls = _run(tmp_path, fail=False)
    assert result.returncode == 0, result.stderr
    assert [c for c in calls if " update" in c], calls
    assert [c for c in calls if " install" in c and "chromium" in c], calls
    for call in calls:
        assert "DPkg::Lock::Timeout=7" in call, call


def test_a_lock_still_held_is_explained(tmp_path):
    result, calls = _run(tmp_path, fail=True)
    assert result.returncode != 0
    assert calls and "DPkg::Lock::Timeout=7" in calls[0]
    assert "kunci dpkg" in result.stderr and "7 detik" in result.stderr, result.stderr
