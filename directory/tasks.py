"""The directory's background work: the editors' email about a new correction proposal, which says what
is proposed and where to review it (the proposer's address stays in the admin)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from django_tasks import task

from .models.corrections import CorrectionProposal

EDITOR_PERMISSION = "directory.change_actor"


def editor_addresses():
    """The addresses of the active accounts that may change entries (else the team's address)."""
    users = (
        get_user_model()
        .objects.with_perm(EDITOR_PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
        .exclude(email="")
    )
    return sorted({user.email for user in users}) or [settings.CONTACT_EMAIL]


def review_url(proposal):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("directory_correction", args=[proposal.pk])


def notification(proposal):
    """(subject, body) of the editors' email: what is proposed and where to review it; the
    proposer's address stays in the admin."""
    count = len(proposal.changes)
    subject = _("Annuaire : correction proposée pour « %(actor)s »") % {
        "actor": proposal.actor.name
    }
    fields = ", ".join(str(row["label"]) for row in proposal.rows()) or _("aucun champ")
    body = _(
        "Une correction de la fiche « %(actor)s » a été proposée%(who)s.\n\n"
        "Champs modifiés (%(count)d) : %(fields)s.\n%(message)s\n"
        "Examinez-la, puis appliquez-la ou refusez-la : %(url)s\n"
    ) % {
        "actor": proposal.actor.name,
        "who": _(" par la structure elle-même") if proposal.from_actor else "",
        "count": count,
        "fields": fields,
        "message": _("Elle est accompagnée d'un message.\n") if proposal.message else "",
        "url": review_url(proposal),
    }
    return subject, body


@task(queue_name="email")
def notify_correction_proposal(*, proposal_id):
    """Email the editors that a proposal awaits them (none if it was reviewed or purged already)."""
    proposal = CorrectionProposal.objects.select_related("actor").filter(pk=proposal_id).first()
    if proposal is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = notification(proposal)
    EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=editor_addresses()
    ).send()
