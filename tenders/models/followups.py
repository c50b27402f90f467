"""What the network's members do with a notice: follow it, annotate it, assign it to a facilitator.
Never shown to the public: tenders.network decides who may see and do what (core.network). A
person's follow-ups, notes and assignments go with their account (CASCADE): nothing is kept of a
member who leaves."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .notices import Notice


class NoticeFollow(models.Model):
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_notices"
    )
    created_at = models.DateTimeField(_("Suivi depuis le"), auto_now_add=True)

    class Meta:
        verbose_name = _("Avis suivi")
        verbose_name_plural = _("Avis suivis")
        constraints = [
            models.UniqueConstraint(fields=["notice", "user"], name="tenders_follow_unique")
        ]

    def __str__(self):
        return f"{self.user} → {self.notice.idweb}"


class NoticeNote(models.Model):
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_notes"
    )
    text = models.TextField(_("Note"), max_length=2000)
    created_at = models.DateTimeField(_("Écrite le"), auto_now_add=True)

    class Meta:
        verbose_name = _("Note sur un avis")
        verbose_name_plural = _("Notes sur les avis")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.notice.idweb} : {self.text[:60]}"


class NoticeAssignment(models.Model):
    notice = models.OneToOneField(Notice, on_delete=models.CASCADE, related_name="assignment")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Facilitateur"),
        on_delete=models.CASCADE,
        related_name="assigned_notices",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(_("Attribué le"), auto_now=True)

    class Meta:
        verbose_name = _("Attribution d'un avis")
        verbose_name_plural = _("Attributions des avis")

    def __str__(self):
        return f"{self.notice.idweb} → {self.facilitator}"
