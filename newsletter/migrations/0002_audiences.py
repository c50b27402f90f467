from django.db import migrations

AUDIENCES = ["buyers", "network", "companies", "all"]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("newsletter", "Audience")
    for position, key in enumerate(AUDIENCES):
        Audience.objects.get_or_create(key=key, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
