from django.db import migrations


def add_sectors(apps, schema_editor):
    from directory.sectors import SECTORS

    Sector = apps.get_model("directory", "Sector")
    for slug, name, name_en in SECTORS:
        Sector.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(add_sectors, migrations.RunPython.noop)]
