"""The send ledger: one `CampaignSend` per sending of an issue, one `Delivery` per recipient.

A delivery row exists before its message is handed to the provider, and moves
pending -> sending (claimed with a lease) -> sent | failed; the unique (send, subscriber) pair and
the claim make each recipient's message leave at most once per claim, and a deterministic Message-ID
(`Delivery.message_id_header`) lets a re-send after a crash be recognised as the same message."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.templatetags.core_text import long_date_time


class CampaignSend(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Programmé")
        SENDING = "sending", _("En cours d'envoi")
        PAUSED = "paused", _("En pause")
        DONE = "done", _("Terminé")
        CANCELLED = "cancelled", _("Annulé")

    page = models.ForeignKey(
        "newsletter.NewsletterPage",
        verbose_name=_("Lettre"),
        on_delete=models.PROTECT,
        related_name="sends",
    )
    audiences = models.ManyToManyField(
        "newsletter.Audience", verbose_name=_("Publics"), related_name="+"
    )
    status = models.CharField(
        _("État"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    scheduled_at = models.DateTimeField(_("Envoi prévu le"), default=timezone.now)
    started_at = models.DateTimeField(_("Commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("Terminé le"), null=True, blank=True)
    # The message as it was when the send started: later edits of the page do not change it.
    subject = models.CharField(_("Objet"), max_length=250, blank=True)
    html = models.TextField(blank=True)
    text = models.TextField(blank=True)
    language = models.CharField(max_length=5, default="fr")
    # A provider's rate limit or outage: the send waits until then, and counts its retries.
    next_attempt_at = models.DateTimeField(_("Prochaine tentative"), null=True, blank=True)
    retries = models.PositiveIntegerField(default=0)
    last_error = models.TextField(_("Dernière erreur"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-scheduled_at"]
        verbose_name = _("Envoi")
        verbose_name_plural = _("Envois")

    def __str__(self):
        # In the site's time zone (the stored value is UTC), as the French admin writes it.
        return f"{self.page.title} — {long_date_time(timezone.localtime(self.scheduled_at))}"

    def report(self):
        """Counts per stage, for the admin's report of this send."""
        deliveries = self.deliveries.all()
        sent_statuses = [Delivery.Status.SENT]
        return {
            "recipients": deliveries.count(),
            "pending": deliveries.filter(
                status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
            ).count(),
            "sent": deliveries.filter(status__in=sent_statuses).count(),
            "failed": deliveries.filter(status=Delivery.Status.FAILED).count(),
            "suppressed": deliveries.filter(status=Delivery.Status.SUPPRESSED).count(),
            "delivered": deliveries.exclude(delivered_at=None).count(),
            "opened": deliveries.exclude(opened_at=None).count(),
            "clicked": deliveries.exclude(clicked_at=None).count(),
            "bounced": deliveries.exclude(bounced_at=None).count(),
            "soft_bounced": deliveries.exclude(soft_bounced_at=None).count(),
            "complained": deliveries.exclude(complained_at=None).count(),
            "unsubscribed": deliveries.exclude(unsubscribed_at=None).count(),
        }


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("À envoyer")
        SENDING = "sending", _("En cours")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("Échec")
        SUPPRESSED = "suppressed", _("Exclu")

    send = models.ForeignKey(CampaignSend, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_until = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    provider_message_id = models.CharField(max_length=255, blank=True, db_index=True)
    error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    # A temporary bounce (full mailbox, greylisting): counted, and the address is suppressed only
    # after NEWSLETTER_SOFT_BOUNCE_LIMIT consecutive sends bounced so.
    soft_bounced_at = models.DateTimeField(null=True, blank=True)
    complained_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Remise")
        verbose_name_plural = _("Remises")
        constraints = [
            models.UniqueConstraint(fields=["send", "subscriber"], name="one_delivery_per_send")
        ]
        indexes = [models.Index(fields=["send", "status"])]

    def __str__(self):
        return f"{self.send_id}/{self.subscriber_id}: {self.status}"

    @property
    def message_id_header(self):
        """The same Message-ID each time this recipient's message is handed over. Its last part is
        keyed with SECRET_KEY, so that nobody can derive the Message-IDs of a send from one of them
        (providers report events by message id: a guessable id would let a forged bounce name any
        recipient)."""
        domain = settings.NEWSLETTER_MESSAGE_ID_DOMAIN
        key = salted_hmac("newsletter.message-id", f"{self.send_id}.{self.pk}").hexdigest()[:20]
        return f"<newsletter.{self.send_id}.{self.pk}.{key}@{domain}>"
