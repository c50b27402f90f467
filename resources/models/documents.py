"""The text extracted from each document of the library, so that a resource is found by words that only
its attached PDF, DOCX or ODT carries."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    OK = "ok", _("Texte extrait")
    EMPTY = "empty", _("Aucun texte (document scanné ?)")
    ENCRYPTED = "encrypted", _("Protégé par mot de passe")
    FAILED = "failed", _("Illisible ou corrompu")
    UNSUPPORTED = "unsupported", _("Format non pris en charge")


class DocumentText(models.Model):
    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("Document"),
        on_delete=models.CASCADE,
        related_name="extracted_text",
    )
    status = models.CharField(
        _("État de l'extraction"),
        max_length=12,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        db_index=True,
    )
    text = models.TextField(_("Texte extrait"), blank=True)
    error = models.CharField(_("Détail de l'erreur"), max_length=300, blank=True)
    file_hash = models.CharField(_("Empreinte du fichier"), max_length=40, blank=True)
    extracted_at = models.DateTimeField(_("Extrait le"), null=True, blank=True)

    class Meta:
        verbose_name = _("Texte extrait d'un document")
        verbose_name_plural = _("Textes extraits des documents")
        ordering = ["-extracted_at"]

    def __str__(self):
        return str(self.document)

    @property
    def is_indexed(self):
        return self.status == ExtractionStatus.OK
