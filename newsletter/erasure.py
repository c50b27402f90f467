"""What an erasure (GDPR art. 17) removes besides the subscriber's rows, wherever the site copied the
address: the admin's history of the subscriber, the contact form's submissions, the database task
queue's rows (the contact email's arguments), and the messages the `file` email backend wrote.
Called when a Subscriber is deleted (newsletter.signals); the address stays on the suppression list
only as a keyed hash."""

from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry

from .models import Subscriber, normalise_email

# Finished rows of the database task queue are deleted after this many days
# (purge_newsletter_data).
TASK_RESULT_RETENTION_DAYS = 7


def anonymise_history(subscriber_pk):
    """The admin's log entries of the subscriber (created, edited, deleted) name it by its address."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Subscriber), object_id=str(subscriber_pk)
    ).update(label=_("Abonné effacé"), data={})


def _mentions(value, address):
    if isinstance(value, str):
        return address in value.lower()
    if isinstance(value, dict):
        return any(_mentions(v, address) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_mentions(v, address) for v in value)
    return False


def delete_contact_submissions(address):
    candidates = FormSubmission.objects.filter(form_data__icontains=address)
    ids = [s.pk for s in candidates if _mentions(s.form_data, address)]
    return FormSubmission.objects.filter(pk__in=ids).delete()[0]


def delete_task_rows(address):
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return 0
    from django_tasks_db.models import DBTaskResult

    candidates = DBTaskResult.objects.filter(args_kwargs__icontains=address)
    ids = [t.pk for t in candidates if _mentions(t.args_kwargs, address)]
    return DBTaskResult.objects.filter(pk__in=ids).delete()[0]


def delete_mail_files(address):
    """The `file` backend's messages (EMAIL_PROVIDER=file) to or about the address."""
    directory = getattr(settings, "EMAIL_FILE_PATH", None)
    if (
        settings.EMAIL_BACKEND != "django.core.mail.backends.filebased.EmailBackend"
        or not directory
    ):
        return 0
    count = 0
    for path in Path(directory).glob("*"):
        if path.is_file() and address.encode() in path.read_bytes().lower():
            path.unlink(missing_ok=True)
            count += 1
    return count


def erase_traces(email, subscriber_pk):
    """Remove the copies of `email` outside the subscriber's own rows."""
    address = normalise_email(email)
    anonymise_history(subscriber_pk)
    # The admin logs its deletion in the same transaction: anonymise that entry once it exists.
    transaction.on_commit(lambda: anonymise_history(subscriber_pk))
    delete_contact_submissions(address)
    delete_task_rows(address)
    delete_mail_files(address)
