"""The notified contracts of the Hérault's buyers, from the essential data of public contracts
(DECP, format v2), and each run of their importer.

A contract is identified by its buyer's SIRET and its `id` in the DECP (an `id` is unique for one
buyer only); a re-import of the same record changes nothing. What it says of social considerations
("Clause sociale", "Critère social", "Marché réservé", "Pas de considération sociale") is kept as
three booleans so that the observatory's shares are counted in SQL (tenders.indicators)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .runs import ImportRunBase


class BuyerKind(models.TextChoices):
    STATE = "etat", _("Services de l'État")
    REGION = "region", _("Région")
    DEPARTMENT = "departement", _("Département")
    COMMUNE = "commune", _("Communes")
    EPCI = "epci", _("Intercommunalités")
    HOSPITAL = "sante", _("Établissements de santé")
    SOCIAL_HOUSING = "logement-social", _("Bailleurs sociaux")
    OTHER = "autre", _("Autres acheteurs")


class Contract(models.Model):
    contract_id = models.CharField(_("Identifiant du marché"), max_length=64)
    buyer_siret = models.CharField(_("SIRET de l'acheteur"), max_length=14)
    buyer_name = models.CharField(_("Acheteur"), max_length=400, blank=True)
    buyer_kind = models.CharField(
        _("Type d'acheteur"), max_length=20, choices=BuyerKind.choices, default=BuyerKind.OTHER
    )
    nature = models.CharField(_("Nature"), max_length=60, blank=True)
    title = models.TextField(_("Objet"), blank=True)
    cpv_code = models.CharField(_("Code CPV"), max_length=12, blank=True)
    cpv_division = models.CharField(_("Division CPV"), max_length=2, blank=True)
    procedure = models.CharField(_("Procédure"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("Montant (€ HT)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    notified_on = models.DateField(_("Date de notification"))
    year = models.PositiveSmallIntegerField(_("Année de notification"))
    place_code = models.CharField(_("Lieu d'exécution"), max_length=10, blank=True)
    place_type = models.CharField(_("Type de code du lieu"), max_length=30, blank=True)
    social_considerations = models.JSONField(
        _("Considérations sociales déclarées"), default=list, blank=True
    )
    has_social_consideration = models.BooleanField(_("Considération sociale"), default=False)
    has_social_clause = models.BooleanField(_("Clause sociale"), default=False)
    has_social_criterion = models.BooleanField(_("Critère social"), default=False)
    is_reserved = models.BooleanField(_("Marché réservé"), default=False)
    raw_record = models.JSONField(_("Enregistrement brut"), default=dict)
    is_example = models.BooleanField(
        _("Exemple de démonstration"),
        default=False,
        help_text=_("Marché fictif créé pour la démonstration : il n'est pas issu des DECP."),
    )
    imported_at = models.DateTimeField(_("Importé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("Marché notifié")
        verbose_name_plural = _("Marchés notifiés")
        ordering = ["-notified_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["buyer_siret", "contract_id"], name="tenders_contract_unique_id"
            )
        ]
        indexes = [models.Index(fields=["year", "buyer_kind", "cpv_division"])]

    def __str__(self):
        return f"{self.contract_id} — {self.title[:80]}"


class DecpImportRun(ImportRunBase):
    """One run of the DECP importer: the file it read, what it did, and why it failed if it did
    (then nothing of the file was written)."""

    source = models.CharField(_("Source"), max_length=500)
    records = models.PositiveIntegerField(_("Enregistrements lus"), default=0)
    outside = models.PositiveIntegerField(_("Hors Hérault"), default=0)

    class Meta(ImportRunBase.Meta):
        verbose_name = _("Import DECP")
        verbose_name_plural = _("Imports DECP")
