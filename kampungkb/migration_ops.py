"""Migration operations that exist only on PostgreSQL (SQLite, used by
``make run`` without DATABASE_URL, skips them: it has no such index types).

Kept out of models' ``Meta.indexes`` on purpose: a ``GinIndex`` there would be
created on SQLite too, where it cannot exist."""

from __future__ import annotations

from django.db import migrations


def trigram_index(table: str, column: str, name: str) -> list:
    """A GIN trigram index on ``UPPER(column)``: it serves Django's
    ``__icontains`` (``UPPER(col::text) LIKE UPPER('%…%')``) without a scan."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
                f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return [migrations.RunPython(forwards, backwards, elidable=False)]
