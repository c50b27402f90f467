"""An operation reported by a facilitator: one contract (or lot) with a social clause, for one year.

The facilitator is a structure of the directory (its id) and the territory a commune's INSEE code or
an EPCI's SIREN, both checked through core.reference (the observatory does not import directory/).
A contract that runs over several years is reported once a year under the same `contract_reference`:
yearly counts of contracts are therefore never added up across years (see `observatory.stats`).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import reference

from .choices import CONTRACTS, OUTCOMES, PUBLICS, BuyerKind, ClauseType, Sector, Status

FIRST_YEAR = 2000
# An operation's hours in a year: far above the largest contracts the mission follows.
MAX_HOURS = 100_000
# A person works at most a full-time year on one operation (35 h x 52 weeks).
MAX_HOURS_PER_PARTICIPANT = 1_820
FACILITATOR_KIND = "facilitateur"


def count_field(label):
    return models.PositiveIntegerField(label, default=0)


class OperationQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Status.APPROVED)


class Operation(models.Model):
    year = models.PositiveSmallIntegerField(_("Année"))
    facilitator_id = models.PositiveIntegerField(
        _("Facilitateur"), help_text=_("La structure du facilitateur dans l'annuaire.")
    )
    territory_code = models.CharField(
        _("Territoire"),
        max_length=9,
        help_text=_("Code INSEE de la commune ou SIREN de l'intercommunalité."),
    )
    contract_reference = models.CharField(
        _("Référence du marché"),
        max_length=100,
        help_text=_(
            "La même référence chaque année pour un marché pluriannuel : il est compté une fois "
            "par année, jamais additionné d'une année sur l'autre."
        ),
    )
    buyer_name = models.CharField(_("Acheteur"), max_length=200)
    buyer_kind = models.CharField(_("Type d'acheteur"), max_length=20, choices=BuyerKind.choices)
    contract_object = models.CharField(_("Objet du marché"), max_length=300)
    sector = models.CharField(_("Secteur"), max_length=20, choices=Sector.choices)
    clause_type = models.CharField(_("Type de clause"), max_length=20, choices=ClauseType.choices)
    hours_planned = models.PositiveIntegerField(
        _("Heures prévues"), validators=[MaxValueValidator(MAX_HOURS)]
    )
    hours_achieved = models.PositiveIntegerField(
        _("Heures réalisées"), validators=[MaxValueValidator(MAX_HOURS)]
    )
    participants = models.PositiveIntegerField(_("Participants"), default=0)
    public_long_term_jobseekers = count_field(PUBLICS[0][1])
    public_rsa = count_field(PUBLICS[1][1])
    public_disabled = count_field(PUBLICS[2][1])
    public_under_26 = count_field(PUBLICS[3][1])
    public_siae = count_field(PUBLICS[4][1])
    public_other = count_field(PUBLICS[5][1])
    contract_cdi = count_field(CONTRACTS[0][1])
    contract_cdd = count_field(CONTRACTS[1][1])
    contract_cddi = count_field(CONTRACTS[2][1])
    contract_interim = count_field(CONTRACTS[3][1])
    contract_apprenticeship = count_field(CONTRACTS[4][1])
    contract_professionalisation = count_field(CONTRACTS[5][1])
    outcome_lasting_job = models.PositiveIntegerField(OUTCOMES[0][1], null=True, blank=True)
    outcome_other_job = models.PositiveIntegerField(OUTCOMES[1][1], null=True, blank=True)
    outcome_training = models.PositiveIntegerField(OUTCOMES[2][1], null=True, blank=True)
    status = models.CharField(
        _("État"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    is_demo = models.BooleanField(
        _("Donnée de démonstration"),
        default=False,
        help_text=_("Chiffre fictif du site de démonstration, signalé comme tel sur les pages."),
    )
    created_at = models.DateTimeField(_("Créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Modifié le"), auto_now=True)

    objects = OperationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Opération de l'observatoire")
        verbose_name_plural = _("Opérations de l'observatoire")
        ordering = ["-year", "buyer_name", "pk"]
        indexes = [models.Index(fields=["status", "year"])]
        permissions = [("approve_operation", _("Peut valider les chiffres de l'observatoire"))]

    def __str__(self):
        return f"{self.year} — {self.buyer_name} — {self.contract_object}"

    @property
    def publics_total(self):
        return sum(getattr(self, name) or 0 for name, _label in PUBLICS)

    @property
    def outcomes_total(self):
        return sum(getattr(self, name) or 0 for name, _label in OUTCOMES)

    def clean(self):
        errors = {}
        this_year = timezone.localdate().year
        if self.year is not None and self.year > this_year:
            errors["year"] = _(
                "L'année %(year)s est dans le futur : on ne déclare que les heures déjà faites."
            ) % {"year": self.year}
        elif self.year is not None and self.year < FIRST_YEAR:
            errors["year"] = _("L'année doit être %(first)s ou après.") % {"first": FIRST_YEAR}
        if self.facilitator_id is not None and not reference.structures(
            ids=[self.facilitator_id], kinds=[FACILITATOR_KIND]
        ):
            errors["facilitator_id"] = _("Ce facilitateur n'est pas dans l'annuaire.")
        if self.territory_code and reference.territory(self.territory_code) is None:
            errors["territory_code"] = _(
                "« %(code)s » n'est ni une commune ni une intercommunalité de l'Hérault."
            ) % {"code": self.territory_code}
        participants = self.participants or 0
        if self.publics_total != participants:
            errors["participants"] = _(
                "Les participants par public (%(publics)s) ne font pas le total des participants "
                "(%(total)s)."
            ) % {"publics": self.publics_total, "total": participants}
        if self.outcomes_total > participants:
            errors["outcome_lasting_job"] = _(
                "Les sorties à six mois (%(outcomes)s) dépassent le nombre de participants "
                "(%(total)s)."
            ) % {"outcomes": self.outcomes_total, "total": participants}
        hours = self.hours_achieved
        if hours is not None and hours > 0 and participants == 0:
            errors["hours_achieved"] = _(
                "Des heures réalisées sans participant : indiquez les participants."
            )
        elif hours is not None and hours > participants * MAX_HOURS_PER_PARTICIPANT:
            errors["hours_achieved"] = _(
                "%(hours)s heures pour %(total)s participants, soit plus d'un temps plein annuel "
                "(%(max)s heures) par personne : vérifiez le chiffre."
            ) % {"hours": hours, "total": participants, "max": MAX_HOURS_PER_PARTICIPANT}
        if errors:
            raise ValidationError(errors)
