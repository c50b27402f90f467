"""The suppression list's hashes become keyed (newsletter.models.email_hash): rows whose address is
still known (a subscriber who bounced or complained) are rehashed; rows of erased people, whose address
is gone, cannot be and keep their bare SHA-256."""

import hashlib

from django.db import migrations


def rehash(apps, schema_editor):
    from newsletter.models import email_hash

    Subscriber = apps.get_model("newsletter", "Subscriber")
    Suppression = apps.get_model("newsletter", "Suppression")
    for email in Subscriber.objects.values_list("email", flat=True).iterator():
        bare = hashlib.sha256(email.encode("utf-8")).hexdigest()
        Suppression.objects.filter(email_hash=bare).update(email_hash=email_hash(email))


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0003_soft_bounces")]

    operations = [migrations.RunPython(rehash, migrations.RunPython.noop)]
