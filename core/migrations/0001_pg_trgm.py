"""On PostgreSQL, the pg_trgm extension: core.search.spelling finds the words of the index close to a
misspelt one by trigram similarity. Nothing to do on SQLite."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
