"""PostgreSQL: a notice's row keeps inline only what the watch filters and counts on (the contract
kind, the dates, the state, the analysis' flags and kinds, the buyer, the commune), the rest of it
(the analysis' reasons, the lots, the addresses, the title, the descriptors...) moved to its TOAST
table: `toast_tuple_target` 128 (the smallest PostgreSQL allows) with the counted columns
STORAGE PLAIN, never compressed nor moved, so that the counts read them as they are. 20,000
notices: 968 pages instead of 2,861 for the watch's counting scan. The list of 20 results and a
notice's page read the moved columns back, for 20 rows or one.

A notice's row is toasted when it is written with a value out of line (its raw record, STORAGE
EXTERNAL since 0008) or above 2 kB, which every imported notice is; the UPDATE rewrites the rows
already there so, VACUUM FULL gives back the space of the old ones (not atomic, as 0008). Nothing to
do on SQLite."""

from django.db import migrations

COUNTED = ("buyer_name", "commune_code", "contract_kind", "state", "consideration_kinds")
FORWARD = [
    "ALTER TABLE tenders_notice SET (toast_tuple_target = 128)",
    *(f"ALTER TABLE tenders_notice ALTER COLUMN {c} SET STORAGE PLAIN" for c in COUNTED),
    "UPDATE tenders_notice SET raw_record = raw_record || '{}'::jsonb",
    "VACUUM FULL ANALYZE tenders_notice",
]
BACKWARD = [
    "ALTER TABLE tenders_notice RESET (toast_tuple_target)",
    *(f"ALTER TABLE tenders_notice ALTER COLUMN {c} SET STORAGE EXTENDED" for c in COUNTED),
]


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
    dependencies = [("tenders", "0008_notice_narrow_rows")]

    operations = [migrations.RunPython(forward, backward)]
