"""PostgreSQL: a notice's raw record (about 4 kB of JSON, 2 kB compressed) kept out of the table's
rows, in its TOAST table, so that the watch's counts scan narrow rows: 20,000 notices take 21 MB
instead of 37 MB, and each of the watch's three counting scans reads 2,656 pages instead of 4,719
(EXPLAIN ANALYZE, two filters). STORAGE EXTERNAL: stored apart and uncompressed, read only on a
notice's inspection in the admin and by `locate_notices --reread`.

The UPDATE rewrites the rows already there and VACUUM FULL gives back the space of the old, wide
ones; VACUUM cannot run in a transaction, so the migration is not atomic (it locks the table for
about a second per 20,000 notices). Nothing to do on SQLite."""

from django.db import migrations

FORWARD = [
    "ALTER TABLE tenders_notice ALTER COLUMN raw_record SET STORAGE EXTERNAL",
    "UPDATE tenders_notice SET raw_record = raw_record || '{}'::jsonb",
    "VACUUM FULL ANALYZE tenders_notice",
]
BACKWARD = ["ALTER TABLE tenders_notice ALTER COLUMN raw_record SET STORAGE EXTENDED"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("tenders", "0007_notice_location")]

    operations = [migrations.RunPython(forward, backward)]
