"""Migration operations that exist only on PostgreSQL (SQLite, used by
``make run`` without DATABASE_URL, skips them: it has no such index types).

Kept out of models' ``Meta.indexes`` on purpose: these indexes there would be
created on SQLite too, where they cannot exist."""

from __future__ import annotations

from django.db import migrations


def postgres_index(table: str, name: str, definition: str, *, extension: str = "") -> list:
    """``CREATE INDEX name ON table definition`` on PostgreSQL only."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            if extension:
                schema_editor.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" {definition}')

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return [migrations.RunPython(forwards, backwards, elidable=False)]


def trigram_index(table: str, column: str, name: str) -> list:
    """A GIN trigram index on ``UPPER(column)``: it serves Django's
    ``__icontains`` (``UPPER(col::text) LIKE UPPER('%…%')``) without a scan."""
    return postgres_index(
        table, name, f'USING gin (UPPER("{column}"::text) gin_trgm_ops)', extension="pg_trgm"
    )
