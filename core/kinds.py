"""The kinds of organisation of the social clauses, defined once for every app: the directory's
actors (`ActorKind`, the values of the data·inclusion schema's `reseaux_porteurs` where it has one) and
the broader families a person picks when saying where they come from (`OrganisationKind`: the agenda's
registrations, and the figures per kind the observatory reads), each family made of actor kinds.

The directory (its actors' kind) and the agenda (its registration form) import these; the newsletter's
audiences still hold their own list (newsletter/ is another room: to be moved onto these families)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActorKind(models.TextChoices):
    FACILITATOR = "facilitateur", _("Facilitateur de clauses sociales")
    EI = "ei", _("Entreprise d'insertion (EI)")
    AI = "ai", _("Association intermédiaire (AI)")
    ACI = "aci", _("Atelier et chantier d'insertion (ACI)")
    ETTI = "etti", _("Entreprise de travail temporaire d'insertion (ETTI)")
    EITI = "eiti", _("Entreprise d'insertion par le travail indépendant (EITI)")
    GEIQ = "geiq", _("Groupement d'employeurs pour l'insertion et la qualification (GEIQ)")
    EA = "ea", _("Entreprise adaptée (EA)")
    EATT = "eatt", _("Entreprise adaptée de travail temporaire (EATT)")
    ESAT = "esat", _("Établissement et service d'accompagnement par le travail (ESAT)")
    FRANCE_TRAVAIL = "france-travail", _("France Travail")
    CAP_EMPLOI = "cap-emploi-reseau-cheops", _("Cap emploi")
    MISSION_LOCALE = "mission-locale", _("Mission locale")
    PLIE = "plie", _("Plan local pour l'insertion et l'emploi (PLIE)")
    MAISON_EMPLOI = "maisons-de-l-emploi", _("Maison de l'emploi")
    DEPARTEMENT = "departements", _("Département")
    BUYER = "acheteur", _("Acheteur public")
    NETWORK = "reseau", _("Fédération ou réseau")
    COMPANY = "entreprise", _("Entreprise qui recrute par les clauses")


SIAE_KINDS = {ActorKind.EI, ActorKind.AI, ActorKind.ACI, ActorKind.ETTI, ActorKind.EITI}
DISABILITY_KINDS = {ActorKind.EA, ActorKind.EATT, ActorKind.ESAT}
PRESCRIBER_KINDS = {
    ActorKind.FRANCE_TRAVAIL,
    ActorKind.CAP_EMPLOI,
    ActorKind.MISSION_LOCALE,
    ActorKind.PLIE,
    ActorKind.MAISON_EMPLOI,
    ActorKind.DEPARTEMENT,
}
# The kinds a value of data·inclusion's reseaux_porteurs stands for (the others are ours).
DATA_INCLUSION_KINDS = SIAE_KINDS | DISABILITY_KINDS | PRESCRIBER_KINDS | {ActorKind.GEIQ}


class OrganisationKind(models.TextChoices):
    """The families of the actor kinds, as a person says where they come from."""

    PUBLIC_BUYER = "public_buyer", _("Acheteur public")
    FACILITATOR = "facilitator", _("Facilitateur de clauses sociales")
    SIAE = "siae", _("Structure d'insertion par l'activité économique (SIAE)")
    DISABILITY = "disability", _("Entreprise adaptée ou ESAT")
    GEIQ = "geiq", _("GEIQ")
    PRESCRIBER = "prescriber", _("Prescripteur (France Travail, Cap emploi, Mission locale…)")
    COMPANY = "company", _("Entreprise")
    NETWORK = "network", _("Fédération ou réseau")
    OTHER = "other", _("Autre")


# Each family's actor kinds (OTHER has none): every actor kind is in exactly one family.
FAMILY_KINDS = {
    OrganisationKind.PUBLIC_BUYER: {ActorKind.BUYER},
    OrganisationKind.FACILITATOR: {ActorKind.FACILITATOR},
    OrganisationKind.SIAE: SIAE_KINDS,
    OrganisationKind.DISABILITY: DISABILITY_KINDS,
    OrganisationKind.GEIQ: {ActorKind.GEIQ},
    OrganisationKind.PRESCRIBER: PRESCRIBER_KINDS,
    OrganisationKind.COMPANY: {ActorKind.COMPANY},
    OrganisationKind.NETWORK: {ActorKind.NETWORK},
    OrganisationKind.OTHER: set(),
}


def family_of(kind: str) -> OrganisationKind:
    """The family of an actor kind (OTHER for a value that is not one)."""
    for family, kinds in FAMILY_KINDS.items():
        if kind in kinds:
            return family
    return OrganisationKind.OTHER
