"""Background tasks of the public site: inline by default, on the database queue in production."""

from django.core.mail import EmailMessage

from django_tasks import task


@task(queue_name="email")
def send_contact_email(*, subject, body, from_email, to, reply_to):
    """Email one contact-form submission to the team. The submission itself is already stored."""
    EmailMessage(subject=subject, body=body, from_email=from_email, to=to, reply_to=reply_to).send()
