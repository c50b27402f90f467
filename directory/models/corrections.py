"""Corrections of an entry proposed from the public site, by the actor itself or by anyone who knows
better. A proposal holds only the fields that change (with their value when it was made, so that an
editor sees what changed since), a free message, and the little the editors need to reply: an email
address and, if given, a name. Editors apply or refuse it in the admin; either way the proposal, and
with it the proposer's data, is deleted. A pending one is deleted after
DIRECTORY_CORRECTION_RETENTION_DAYS (`manage.py purge_correction_proposals`)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .actors import Actor

# The fields of an entry a proposal may change, in the order the form and the review show them.
CORRECTABLE_FIELDS = [
    "name",
    "host_organisation",
    "description",
    "siret",
    "address",
    "postal_code",
    "phone",
    "email",
    "website",
    "opening_hours",
]


class CorrectionProposalQuerySet(models.QuerySet):
    def expired(self, now=None):
        days = settings.DIRECTORY_CORRECTION_RETENTION_DAYS
        return self.filter(created_at__lt=(now or timezone.now()) - timedelta(days=days))


class CorrectionProposal(models.Model):
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("Acteur"),
        on_delete=models.CASCADE,
        related_name="correction_proposals",
    )
    changes = models.JSONField(_("Modifications proposées"), default=dict)
    original = models.JSONField(_("Valeurs au moment de la proposition"), default=dict)
    message = models.TextField(_("Message"), blank=True)
    from_actor = models.BooleanField(_("Envoyée par la structure elle-même"), default=False)
    proposer_name = models.CharField(_("Nom"), max_length=150, blank=True)
    proposer_email = models.EmailField(_("Adresse électronique"))
    created_at = models.DateTimeField(_("Reçue le"), auto_now_add=True)

    objects = CorrectionProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("Proposition de correction")
        verbose_name_plural = _("Propositions de correction")
        ordering = ["created_at"]

    def __str__(self):
        return str(_("Correction de « %(actor)s »") % {"actor": self.actor.name})

    def rows(self):
        """(field, label, value when proposed, value now, proposed value) for each field it changes."""
        rows = []
        for name in CORRECTABLE_FIELDS:
            if name in self.changes:
                field = Actor._meta.get_field(name)
                rows.append(
                    {
                        "name": name,
                        "label": field.verbose_name,
                        "original": self.original.get(name, ""),
                        "current": getattr(self.actor, name),
                        "proposed": self.changes[name],
                    }
                )
        return rows
