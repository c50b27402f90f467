"""Extract a document's text each time it is saved (the task skips a file whose hash did not change)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.documents import get_document_model

from .tasks import extract_document_text


@receiver(post_save, sender=get_document_model())
def extract_text_on_document_save(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    extract_document_text.enqueue(instance.pk)
