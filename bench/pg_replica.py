"""A throw-away PostgreSQL streaming replica of the local server (issue 18).

Used by the replica tests (``tests/test_replica.py``, one per test session)
and by ``BENCH_TOPOLOGY=cluster make bench``: ``pg_basebackup -R`` of the
primary into a temporary directory, its own port and socket directory, started
with the installed PostgreSQL binaries. Standard library and psycopg only.

Needs a primary that accepts replication connections from 127.0.0.1 (a
``host replication ...`` line in pg_hba.conf: ``scripts/ensure_postgres.sh``
adds one for the local trust setup) and, when run as root, the ``postgres``
OS user to own the data directory (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Settings a hot standby must have at least as high as its primary.
COPIED = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)


class ReplicaError(RuntimeError):
    pass


def bindir() -> Path:
    override = os.environ.get("PG_BINDIR")
    if override:
        return Path(override)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(pg_ctl).parent
    raise ReplicaError("pg_ctl tidak ditemukan: pasang paket server PostgreSQL (postgresql-15).")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    out = subprocess.run(_as_owner(cmd), capture_output=True, text=True, **kw)
    if out.returncode != 0:
        raise ReplicaError(f"{' '.join(cmd[:2])} gagal:\n{out.stderr[-2000:]}")
    return out


@dataclass
class Replica:
    primary: str  # postgres://user@host:port (no database)
    datadir: Path
    port: int

    def url(self, dbname: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def pg_ctl(self, *args: str) -> None:
        _run([str(bindir() / "pg_ctl"), "-D", str(self.datadir), *args], timeout=120)

    def start(self) -> None:
        # No -w: a hot standby accepts queries only once the primary logs a
        # snapshot of running transactions it can use (every 15 s, later when
        # another session holds a transaction with many savepoints), which
        # can take longer than pg_ctl's wait; wait_ready() waits for it.
        self.pg_ctl("-l", str(self.datadir / "server.log"), "-W", "start")
        self.wait_ready()

    def stop(self, mode: str = "fast") -> None:
        self.pg_ctl("-m", mode, "-w", "stop")

    def running(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def wait_ready(self, timeout: float = 300) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        nudge = time.monotonic() + 2
        while True:
            try:
                with psycopg.connect(self.url("postgres"), connect_timeout=2) as conn:
                    if conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
                        return
                    raise ReplicaError("server di port replika bukan standby")
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise ReplicaError(f"replika tidak siap: {self.log_tail()}") from None
                if time.monotonic() > nudge:
                    # A checkpoint logs the running transactions the standby
                    # waits for, instead of waiting for the next 15 s tick.
                    with psycopg.connect(f"{self.primary}/postgres", autocommit=True) as conn:
                        conn.execute("CHECKPOINT")
                    nudge = time.monotonic() + 5
                time.sleep(0.2)

    def log_tail(self) -> str:
        try:
            return (self.datadir / "server.log").read_text()[-1500:]
        except OSError:
            return ""

    def destroy(self) -> None:
        if self.running():
            with contextlib.suppress(ReplicaError):
                self.stop("immediate")
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


def check_primary(primary: str) -> dict:
    """The primary's settings a standby copies; fails with the fix when the
    primary accepts no replication connection from 127.0.0.1."""
    import psycopg

    with psycopg.connect(f"{primary}/postgres", autocommit=True) as conn:
        level = conn.execute("SHOW wal_level").fetchone()[0]
        if level not in ("replica", "logical"):
            raise ReplicaError(f"wal_level={level}: setel wal_level=replica, mulai ulang server.")
        rules = conn.execute(
            "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database)"
        ).fetchone()[0]
        if not rules:
            raise ReplicaError(
                "pg_hba.conf server utama tidak mengizinkan koneksi replikasi: tambahkan "
                "'host replication postgres 127.0.0.1/32 trust' lalu reload "
                "(scripts/ensure_postgres.sh melakukannya untuk server lokal)."
            )
        return {
            name: conn.execute(f"SHOW {name}").fetchone()[0]  # names from COPIED only
            for name in COPIED
        }


def create(primary: str = "postgres://postgres@127.0.0.1:5432", port: int | None = None) -> Replica:
    """Base-backup the primary and start it as a hot standby on a free port."""
    settings = check_primary(primary)
    top = Path(tempfile.mkdtemp(prefix="kkb-replika-"))
    datadir = top / "data"
    if os.geteuid() == 0:
        shutil.chown(top, "postgres", "postgres")
    os.chmod(top, 0o700)
    host_port = primary.rsplit("@", 1)[-1]
    host, _sep, pport = host_port.partition(":")
    replica = Replica(primary=primary, datadir=datadir, port=port or free_port())
    try:
        _run(
            [str(bindir() / "pg_basebackup"), "-h", host, "-p", pport or "5432", "-U", "postgres",
             "-D", str(datadir), "-R", "-X", "stream", "-c", "fast", "--no-sync"],
            timeout=600,
        )  # fmt: skip
        conf = [
            f"port = {replica.port}",
            "listen_addresses = '127.0.0.1'",
            f"unix_socket_directories = '{top}'",
            f"hba_file = '{top}/pg_hba.conf'",
            "hot_standby = on",
            # A test/bench copy: no crash safety needed, keep the box's disk calm.
            "fsync = off",
            "shared_buffers = 32MB",
            # Queries on the standby are not cancelled for replay conflicts
            # while a test pauses replay.
            "max_standby_streaming_delay = -1",
            *(f"{name} = {value}" for name, value in settings.items()),
        ]
        files = {
            "postgresql.conf": "\n".join(conf) + "\n",
            "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 trust\n",
            "pg_ident.conf": "",
        }
        for name, text in files.items():
            path = (top if name == "pg_hba.conf" else datadir) / name
            _run(["tee", str(path)], input=text)
        replica.start()
    except BaseException:
        replica.destroy()
        raise
    return replica
