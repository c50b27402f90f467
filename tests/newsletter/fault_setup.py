"""Run by `manage.py shell` in the fault-injection test: a newsletter issue, N confirmed subscribers
and a send due now, queued for `db_worker` when the tasks backend is the database's; prints the
send's id."""

import os

from django.utils import timezone

from wagtail.models import Page

from newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory
from newsletter.models import (
    Audience,
    CampaignSend,
    Consent,
    ConsentSource,
    Purpose,
    Subscriber,
)

count = int(os.environ["FAULT_SUBSCRIBERS"])
audiences = {a.key: a for a in Audience.ensure_defaults()}
index = NewsletterIndexPageFactory(parent=Page.get_first_root_node(), slug="lettre-fautes")
issue = NewsletterPageFactory(parent=index, title="Lettre sous tension")
issue.save_revision().publish()
now = timezone.now()
subscribers = Subscriber.objects.bulk_create(
    [Subscriber(email=f"lecteur{n:05d}@example.org", confirmed_at=now) for n in range(count)]
)
Consent.objects.bulk_create(
    [
        Consent(
            subscriber=s,
            purpose=Purpose.NEWSLETTER,
            source=ConsentSource.IMPORT,
            wording="test",
            confirmed_at=now,
        )
        for s in subscribers
    ]
)
Through = Subscriber.audiences.through
Through.objects.bulk_create(
    [Through(subscriber_id=s.pk, audience_id=audiences["public_buyer"].pk) for s in subscribers]
)
send = CampaignSend.objects.create(page=issue, scheduled_at=now)
send.audiences.set([audiences["public_buyer"]])
if os.environ.get("FAULT_TASKS") == "database":
    from newsletter.tasks import enqueue_send

    enqueue_send(send.pk)
print(f"SEND_ID={send.pk}")
