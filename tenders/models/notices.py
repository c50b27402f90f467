"""The BOAMP notices of the Hérault, their history of rectifications and cancellations, the import
runs, and the detection rules editors maintain.

A notice is one procedure as first published (its `idweb`); a rectification or a cancellation
published later under its own idweb updates that notice and is recorded in its history, so that the
watch shows one line per procedure in its current state."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .runs import ImportRunBase


class ContractKind(models.TextChoices):
    WORKS = "TRAVAUX", _("Travaux")
    SUPPLIES = "FOURNITURES", _("Fournitures")
    SERVICES = "SERVICES", _("Services")
    UNKNOWN = "", _("Non précisé")


class NoticeState(models.TextChoices):
    INITIAL = "initial", _("Avis initial")
    RECTIFIED = "rectifie", _("Rectifié")
    CANCELLED = "annule", _("Annulé")


class SourceFormat(models.TextChoices):
    NATIONAL = "national", _("Format national BOAMP")
    EFORMS = "eforms", _("eForms (format européen)")
    NONE = "aucun", _("Sans données structurées")


class ConsiderationKind(models.TextChoices):
    FACET = "critere-social", _("Critère social déclaré")
    RESERVED = "marche-reserve", _("Marché ou lot réservé")
    EXECUTION = "condition-execution", _("Clause sociale d'exécution")
    AWARD = "critere-attribution", _("Critère social d'attribution")
    STRATEGIC = "achat-social", _("Objectif social de l'achat")


class NoticeQuerySet(models.QuerySet):
    def with_consideration(self):
        return self.filter(has_social_consideration=True)

    def missing_consideration(self):
        return self.filter(lacks_required_consideration=True)


class Notice(index.Indexed, models.Model):
    idweb = models.CharField(_("Identifiant BOAMP"), max_length=40, unique=True)
    buyer_name = models.CharField(_("Acheteur"), max_length=400, blank=True)
    buyer_siret = models.CharField(_("SIRET de l'acheteur"), max_length=14, blank=True)
    title = models.TextField(_("Objet"))
    contract_kind = models.CharField(
        _("Type de marché"), max_length=20, choices=ContractKind.choices, blank=True
    )
    nature = models.CharField(_("Nature de l'avis"), max_length=40, blank=True)
    family = models.CharField(_("Famille"), max_length=20, blank=True)
    procedure = models.CharField(_("Procédure"), max_length=200, blank=True)
    descriptors = models.JSONField(_("Descripteurs"), default=list, blank=True)
    cpv_codes = models.JSONField(_("Codes CPV"), default=list, blank=True)
    departments = models.JSONField(_("Départements"), default=list, blank=True)
    # Where the notice is (tenders.territories): the addresses the record gives, and the commune
    # of the Hérault they name (blank: the whole département).
    location = models.JSONField(
        _("Lieu d'exécution et adresse de l'acheteur"), default=dict, blank=True
    )
    commune_code = models.CharField(_("Commune (code INSEE)"), max_length=5, blank=True)
    location_source = models.CharField(
        _("Commune trouvée par"),
        max_length=10,
        blank=True,
        choices=[("lieu", _("le lieu d'exécution")), ("acheteur", _("l'adresse de l'acheteur"))],
    )
    estimated_value = models.DecimalField(
        _("Valeur estimée (€ HT)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    published_on = models.DateField(_("Date de publication"))
    deadline = models.DateTimeField(_("Date limite de réponse"), null=True, blank=True)
    lots = models.JSONField(_("Lots"), default=list, blank=True)
    url = models.URLField(_("Avis officiel"), max_length=500, blank=True)
    source_format = models.CharField(
        _("Format des données"), max_length=10, choices=SourceFormat.choices
    )
    raw_record = models.JSONField(_("Enregistrement brut"), default=dict)
    state = models.CharField(
        _("État"), max_length=10, choices=NoticeState.choices, default=NoticeState.INITIAL
    )
    # The analysis (tenders.analysis), stored so that the watch filters and counts in SQL.
    has_social_consideration = models.BooleanField(_("Considération sociale"), default=False)
    consideration_kinds = models.JSONField(_("Types de considération"), default=list, blank=True)
    is_reserved = models.BooleanField(_("Réservé"), default=False)
    above_eu_threshold = models.BooleanField(_("Au-dessus des seuils européens"), default=False)
    lacks_required_consideration = models.BooleanField(
        _("Sans considération sociale alors qu'elle est obligatoire"), default=False
    )
    analysis = models.JSONField(_("Analyse"), default=dict, blank=True)
    is_example = models.BooleanField(
        _("Exemple de démonstration"),
        default=False,
        help_text=_("Avis fictif créé pour la démonstration : il n'est pas issu du BOAMP."),
    )
    imported_at = models.DateTimeField(_("Importé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Mis à jour le"), auto_now=True)

    objects = NoticeQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("buyer_name"),
        index.SearchField("descriptors_text"),
        index.AutocompleteField("title"),
        index.FilterField("contract_kind"),
        index.FilterField("has_social_consideration"),
        index.FilterField("published_on"),
    ]

    panels = [
        FieldPanel("title", read_only=True),
        FieldPanel("buyer_name", read_only=True),
        FieldPanel("state", read_only=True),
        FieldPanel("is_example"),
    ]

    class Meta:
        verbose_name = _("Avis de marché")
        verbose_name_plural = _("Avis de marché")
        ordering = ["-published_on", "-pk"]
        indexes = [
            models.Index(fields=["published_on"]),
            models.Index(fields=["buyer_name"]),
            models.Index(fields=["commune_code"]),
        ]

    def __str__(self):
        return f"{self.idweb} — {self.title[:80]}"

    @property
    def descriptors_text(self):
        return " ".join(self.descriptors)

    @property
    def reasons(self):
        """The analysis' reasons, in French: [{kind, label, reason}]."""
        return self.analysis.get("reasons", [])

    @property
    def missing_reason(self):
        return self.analysis.get("missing", "")


class NoticeEvent(models.Model):
    """One publication about a notice: the initial notice, a rectification or a cancellation, with
    the raw record as received."""

    class Kind(models.TextChoices):
        INITIAL = "initial", _("Publication initiale")
        RECTIFICATION = "rectificatif", _("Rectificatif")
        CANCELLATION = "annulation", _("Annulation")

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="events")
    idweb = models.CharField(_("Identifiant BOAMP de la publication"), max_length=40, unique=True)
    kind = models.CharField(_("Type"), max_length=20, choices=Kind.choices)
    published_on = models.DateField(_("Date de publication"))
    summary = models.TextField(_("Ce qui a changé"), blank=True)
    raw_record = models.JSONField(_("Enregistrement brut"), default=dict)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Publication liée")
        verbose_name_plural = _("Publications liées")
        ordering = ["published_on", "pk"]

    def __str__(self):
        return f"{self.idweb} ({self.get_kind_display()})"


class ImportRun(ImportRunBase):
    """One run of the BOAMP importer: its windows, what it did and why it stopped."""

    since = models.DateField(_("Depuis le"))
    until = models.DateField(_("Jusqu'au"))
    windows_done = models.PositiveIntegerField(_("Fenêtres importées"), default=0)
    cancelled = models.PositiveIntegerField(_("Annulés"), default=0)

    class Meta(ImportRunBase.Meta):
        verbose_name = _("Import BOAMP")
        verbose_name_plural = _("Imports BOAMP")


class ImportedWindow(models.Model):
    """A date window committed whole: the next run resumes after the last one."""

    day = models.DateField(_("Jour de publication"), unique=True)
    record_count = models.PositiveIntegerField(_("Enregistrements"), default=0)
    imported_at = models.DateTimeField(_("Importé le"), auto_now=True)

    class Meta:
        verbose_name = _("Jour importé")
        verbose_name_plural = _("Jours importés")
        ordering = ["-day"]

    def __str__(self):
        return str(self.day)


class DetectionRule(models.Model):
    """Wording that shows a social consideration in a notice's text: editors read and adjust them;
    the structured signals (the `criteres` facet, reserved contracts, eForms codes) are in
    tenders.analysis."""

    class Where(models.TextChoices):
        ANY = "tout", _("Tout le texte de l'avis")
        EXECUTION = "execution", _("Conditions d'exécution et de participation")
        AWARD = "attribution", _("Critères d'attribution")

    label = models.CharField(_("Nom de la règle"), max_length=120)
    kind = models.CharField(
        _("Type de considération"), max_length=30, choices=ConsiderationKind.choices
    )
    where = models.CharField(
        _("Où chercher"), max_length=12, choices=Where.choices, default=Where.ANY
    )
    words = models.TextField(
        _("Expressions"),
        help_text=_(
            "Une expression par ligne ; les majuscules et les accents sont ignorés. L'avis est "
            "retenu dès qu'une expression y figure."
        ),
    )
    reason = models.CharField(
        _("Raison affichée"),
        max_length=300,
        help_text=_("Montrée au facilitateur, suivie de l'expression trouvée."),
    )
    active = models.BooleanField(_("Active"), default=True)

    panels = [
        FieldPanel("label"),
        FieldPanel("kind"),
        FieldPanel("where"),
        FieldPanel("words"),
        FieldPanel("reason"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("Règle de détection")
        verbose_name_plural = _("Règles de détection")
        ordering = ["kind", "label"]

    def __str__(self):
        return self.label

    @property
    def expressions(self):
        return [line.strip() for line in self.words.splitlines() if line.strip()]
