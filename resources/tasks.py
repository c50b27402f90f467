"""Background tasks of the resource hub: inline by default, on the database queue in production."""

import logging

from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.search import index

from django_tasks import task

from .extraction import extract_text
from .models import DocumentText, ResourcePage

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id):
    """Extract the text of one document, store it with its status, and reindex the resources that
    attach it. A damaged or encrypted file is stored with its status for the editor, its text empty."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    file_hash = document.file_hash or ""
    record, _created = DocumentText.objects.get_or_create(document=document)
    if record.extracted_at and file_hash and record.file_hash == file_hash:
        return
    try:
        with document.open_file() as handle:
            data = handle.read()
    except (OSError, ValueError) as error:
        status, text, message = "failed", "", f"{type(error).__name__}: {error}"[:300]
    else:
        status, text, message = extract_text(document.filename, data)
    with transaction.atomic():
        record.status, record.text, record.error = status, text, message
        record.file_hash = file_hash
        record.extracted_at = timezone.now()
        record.save()
    if status != "ok":
        logger.warning("Document %s: text extraction %s (%s)", document_id, status, message)
    for page in ResourcePage.objects.filter(attachments__document_id=document_id).distinct():
        index.insert_or_update_object(page)
