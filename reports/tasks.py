"""Background work (django.tasks, django-tasks-db worker): big reports and rebuilds."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from kampungkb.periods import Periode
from reports import summaries

SIMPAN = dt.timedelta(days=7)


@task()
def rebuild_periode(periode: str, kabupaten: str | None = None) -> int:
    """Build the summary rows of one period (e.g. a month no write touched yet)."""
    return summaries.rebuild([Periode.parse(periode)], kabupaten=kabupaten)


@task()
def prepare_unduhan(unduhan_id: int) -> None:
    """Render a queued report, recording progress on the Unduhan row."""
    from reports.documents.render import render_unduhan
    from reports.models import StatusUnduhan, Unduhan

    unduhan = Unduhan.objects.get(pk=unduhan_id)
    Unduhan.objects.filter(pk=unduhan_id).update(status=StatusUnduhan.PROSES)

    def progress(done: int, total: int) -> None:
        # Outside any transaction: the progress page must see it while we work.
        Unduhan.objects.filter(pk=unduhan_id).update(selesai=done, total=total)

    try:
        content, filename = render_unduhan(unduhan, progress)
    except Exception as exc:
        Unduhan.objects.filter(pk=unduhan_id).update(status=StatusUnduhan.GAGAL, galat=str(exc))
        raise
    with transaction.atomic():
        Unduhan.objects.filter(pk=unduhan_id).update(
            status=StatusUnduhan.SELESAI, isi=content, nama_berkas=filename
        )
        # Files live in the database; a week is long enough to fetch one.
        Unduhan.objects.filter(created_at__lt=timezone.now() - SIMPAN).delete()


def ensure_periode(periode: Periode, kode: str) -> bool:
    """Queue the build of a month no write has touched yet (e.g. on the 1st),
    once: a build already waiting or running for that kabupaten is enough.
    Returns True when the region has Kampung KB, i.e. rows are coming."""
    from django.conf import settings

    from villages.models import KampungKB

    parts = kode.split(".")
    kabupaten = ".".join(parts[:2]) if len(parts) >= 2 else None
    prefix = f"{kabupaten or kode}."
    if not KampungKB.objects.filter(desa__kode__startswith=prefix).exists():
        return False
    args = [str(periode), kabupaten]
    backend = settings.TASKS["default"]["BACKEND"]
    if backend == "django_tasks_db.backend.DatabaseBackend":
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(
            task_path=rebuild_periode.module_path,
            status__in=["READY", "RUNNING"],
            args_kwargs__args=args,
        )
        if waiting.exists():
            return True
    rebuild_periode.enqueue(*args)
    return True
