"""Two taps at the same moment (flaky connection): one register, never two."""

import threading

import pytest
from django.db import connection

from poktan import services
from poktan.models import Laporan
from poktan.tests.conftest import BKB_VALUES


@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_saves_create_one_register(bkb, periode, kader_pondokbatu):
    barrier = threading.Barrier(4)
    errors = []

    def tap():
        try:
            barrier.wait()
            services.laporan_save_draft(
                poktan=bkb,
                periode=periode,
                values=BKB_VALUES,
                pertemuan=[],
                expected_version=None,
                by=kader_pondokbatu,
            )
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Laporan.objects.count() == 1
    assert Laporan.objects.get().version == 1
