"""The observatory's categories: sectors, clause types, kinds of buyer, publics, contract types."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Transmis")
    APPROVED = "approved", _("Validé")


class Sector(models.TextChoices):
    BUILDING = "btp", _("Bâtiment et travaux publics")
    CLEANING = "proprete", _("Propreté et nettoyage")
    GREEN_SPACES = "espaces-verts", _("Espaces verts")
    SERVICES = "services", _("Services")
    WASTE = "dechets", _("Collecte et tri des déchets")
    CATERING = "restauration", _("Restauration")
    OTHER = "autre", _("Autre secteur")


class ClauseType(models.TextChoices):
    EXECUTION = "execution", _("Condition d'exécution (L2112-2)")
    AWARD = "attribution", _("Critère d'attribution (R2152-7)")
    RESERVED_DISABLED = "reserve-l2113-12", _("Marché réservé (L2113-12)")
    RESERVED_SIAE = "reserve-l2113-13", _("Marché réservé (L2113-13)")
    RESERVED_ESS = "reserve-l2113-14", _("Marché réservé (L2113-14)")


class BuyerKind(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    EPCI = "epci", _("Intercommunalité")
    DEPARTEMENT = "departement", _("Département")
    REGION = "region", _("Région")
    STATE = "etat", _("État et ses établissements")
    HOUSING = "bailleur", _("Bailleur social")
    HOSPITAL = "hopital", _("Établissement de santé")
    OTHER = "autre", _("Autre acheteur")


# (field name, label): the participants by public, which add up to the total.
PUBLICS = [
    ("public_long_term_jobseekers", _("Demandeurs d'emploi de longue durée")),
    ("public_rsa", _("Allocataires du RSA")),
    ("public_disabled", _("Travailleurs handicapés")),
    ("public_under_26", _("Jeunes de moins de 26 ans")),
    ("public_siae", _("Salariés de SIAE")),
    ("public_other", _("Autres publics")),
]

# (field name, label): the participants' contracts.
CONTRACTS = [
    ("contract_cdi", _("CDI")),
    ("contract_cdd", _("CDD")),
    ("contract_cddi", _("CDDI")),
    ("contract_interim", _("Intérim")),
    ("contract_apprenticeship", _("Apprentissage")),
    ("contract_professionalisation", _("Professionnalisation")),
]

# (field name, label): outcomes at six months, when known.
OUTCOMES = [
    ("outcome_lasting_job", _("Emploi durable à six mois")),
    ("outcome_other_job", _("Autre emploi à six mois")),
    ("outcome_training", _("Formation à six mois")),
]
