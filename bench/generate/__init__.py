"""Synthetic data at kabupaten, provinsi or national scale (issue 7).

Used by ``manage.py generate_scale`` and the benchmark (``make bench``). It
writes through the real tables of every app, fast:

* regions go through ``villages.imports`` (the same upsert as
  ``manage.py import_wilayah``) — ``regions.py``;
* the rows that come from Python (Kampung KB, users) go in with PostgreSQL
  ``COPY`` (psycopg 3 ``cursor.copy``) — ``sql.py``;
* the big tables (poktan, members, 24 months of registers, snapshots,
  interventions) are generated inside PostgreSQL by ``INSERT … SELECT``
  over ``generate_series``, with ``setseed`` so a seed gives the same data:
  one function per table in ``tables_<app>.py``, called in a fixed order by
  ``core.generate_tables``;
* summaries are rebuilt set-wise by ``reports.summaries_setwise``.

Every column the generator does not set gets the model field's default, so a
field added later with a default does not break it. PostgreSQL only.
"""

from bench.generate.core import (
    MONTHS,
    Options,
    generate,
    rebuild_summaries,
    summary_line,
    window,
)
from bench.generate.progress import Progress
from bench.generate.regions import SCALES

__all__ = [
    "MONTHS",
    "SCALES",
    "Options",
    "Progress",
    "generate",
    "rebuild_summaries",
    "summary_line",
    "window",
]
