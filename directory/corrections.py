"""Correction proposals from proposal to review: store one (and notify the editors once it is
committed), apply it to the entry in one transaction, refuse it, purge the old ones. Applying or
refusing deletes the proposal, and with it the proposer's address."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from .models.actors import Actor
from .models.corrections import CORRECTABLE_FIELDS, CorrectionProposal
from .tasks import notify_correction_proposal


class CorrectionError(Exception):
    """A proposal that cannot be applied, with the French reason."""


def propose(actor, form):
    """Store the proposal of a valid CorrectionForm; the editors are told once it is committed."""
    changes = form.changes()
    data = form.cleaned_data
    with transaction.atomic():
        proposal = CorrectionProposal.objects.create(
            actor=actor,
            changes=changes,
            original={name: getattr(actor, name) for name in changes},
            message=data.get("message", "").strip(),
            from_actor=bool(data.get("from_actor")),
            proposer_name=data.get("proposer_name", "").strip(),
            proposer_email=data["proposer_email"],
        )
        transaction.on_commit(lambda: notify_correction_proposal.enqueue(proposal_id=proposal.pk))
    return proposal


def apply(proposal, user, fields=None):
    """Write the chosen fields of the proposal (all by default) to the entry, checked as the admin's
    form would check them, and delete the proposal; nothing is written if any check fails."""
    chosen = {
        name: value
        for name, value in proposal.changes.items()
        if name in CORRECTABLE_FIELDS and (fields is None or name in fields)
    }
    if not chosen:
        raise CorrectionError(_("Choisissez au moins une modification à appliquer."))
    with transaction.atomic():
        actor = Actor.objects.select_for_update().get(pk=proposal.actor_id)
        for name, value in chosen.items():
            setattr(actor, name, value)
        try:
            actor.full_clean()
        except ValidationError as error:
            raise CorrectionError(
                _("La correction n'est pas appliquée : %(errors)s")
                % {"errors": " ".join(message for message in error.messages)}
            ) from error
        actor.save()
        log(instance=actor, action="wagtail.edit", user=user)
        proposal.delete()
    return actor


def refuse(proposal):
    proposal.delete()


def purge_expired(now=None):
    """Delete the pending proposals older than DIRECTORY_CORRECTION_RETENTION_DAYS; their number."""
    deleted, _by_model = CorrectionProposal.objects.expired(now).delete()
    return deleted
