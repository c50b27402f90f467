"""The actors of social clauses in the Hérault: facilitators, insertion and disability structures,
prescribers, buyers, networks and companies, with the territory each serves (communes, EPCI or the whole
département, by official code) and their contacts.

An actor's kind uses the value of the data·inclusion schema's `reseaux_porteurs` where it has one (ei,
ai, aci, etti, eiti, geiq, ea, eatt, esat, france-travail, mission-locale, plie...), so that an export
speaks the national schema without a conversion table."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siret as stdnum_siret

from core.kinds import (  # noqa: F401 (the directory's names for them)
    DATA_INCLUSION_KINDS,
    DISABILITY_KINDS,
    PRESCRIBER_KINDS,
    SIAE_KINDS,
    ActorKind,
)

from .territories import EPCI, Commune

# The Hérault's extent (its outline's bounding box, with a margin of about 4 km): coordinates outside
# are a typing error (swapped latitude and longitude, another département).
HERAULT_BOUNDS = {"south": 43.17, "north": 44.02, "west": 2.49, "east": 4.24}


class ReservedContract(models.TextChoices):
    """Contracts a structure may bid for when a buyer reserves them (Code de la commande publique)."""

    DISABILITY = "l2113-12", _("Marchés réservés aux EA et ESAT (art. L2113-12)")
    SIAE = "l2113-13", _("Marchés réservés aux SIAE (art. L2113-13)")


RESERVED_KINDS = {
    ReservedContract.DISABILITY: DISABILITY_KINDS,
    ReservedContract.SIAE: SIAE_KINDS,
}


class ServiceType(models.TextChoices):
    STAFF = "mise-a-disposition", _("Mise à disposition de personnel")
    SERVICE = "prestation", _("Prestation de services")
    GOODS = "fabrication", _("Fabrication et fourniture de biens")


SERVICE_FIELDS = {
    ServiceType.STAFF: "offers_staff_provision",
    ServiceType.SERVICE: "offers_services",
    ServiceType.GOODS: "offers_goods",
}


def validate_siret(value):
    """Fourteen digits whose Luhn checksum holds (with La Poste's exception), as python-stdnum checks."""
    try:
        stdnum_siret.validate(value)
    except StdnumError as error:
        raise ValidationError(
            _(
                "Le numéro SIRET « %(value)s » n'est pas valide : il faut 14 chiffres dont la clé de "
                "contrôle (formule de Luhn) est juste."
            ),
            code="invalid_siret",
            params={"value": value},
        ) from error


def compact_siret(value):
    return stdnum_siret.compact(value or "")


def coordinates_error(latitude, longitude):
    """A French message when the point is not in the Hérault (or only one coordinate is given)."""
    if latitude is None and longitude is None:
        return None
    if latitude is None or longitude is None:
        return _("Indiquez la latitude et la longitude, ou aucune des deux.")
    bounds = HERAULT_BOUNDS
    if not (
        bounds["south"] <= latitude <= bounds["north"]
        and bounds["west"] <= longitude <= bounds["east"]
    ):
        return _(
            "Les coordonnées (%(lat)s ; %(lon)s) sont hors de l'Hérault : vérifiez que la latitude "
            "(entre 43,2 et 44,0) et la longitude (entre 2,5 et 4,2) ne sont pas inversées."
        ) % {"lat": latitude, "lon": longitude}
    return None


class Sector(models.Model):
    """A sector of activity (bâtiment, espaces verts, propreté...), maintained by editors."""

    slug = models.SlugField(_("Identifiant"), max_length=60, unique=True)
    name = models.CharField(_("Nom"), max_length=100)
    name_en = models.CharField(_("Nom en anglais"), max_length=100, blank=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("Secteur d'activité")
        verbose_name_plural = _("Secteurs d'activité")
        ordering = ["name"]

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self):
        if (get_language() or "fr").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class ActorQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def serving(self, commune):
        """The actors whose territory takes in `commune`: named in their communes, through its EPCI,
        or serving the whole département. Matched on codes, never on distance."""
        by_commune = Actor.communes.through.objects.filter(commune_id=commune.pk).values("actor_id")
        served = Q(whole_departement=True) | Q(pk__in=by_commune)
        if commune.epci_id:
            by_epci = Actor.epcis.through.objects.filter(epci_id=commune.epci_id).values("actor_id")
            served |= Q(pk__in=by_epci)
        return self.filter(served)

    def facilitators(self):
        return self.filter(kind=ActorKind.FACILITATOR)


class Actor(index.Indexed, ClusterableModel):
    name = models.CharField(_("Nom"), max_length=150)
    slug = models.SlugField(
        _("Adresse de la fiche"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_("Tirée du nom si vous la laissez vide."),
    )
    kind = models.CharField(_("Type d'acteur"), max_length=40, choices=ActorKind.choices)
    host_organisation = models.CharField(
        _("Structure porteuse"),
        max_length=200,
        blank=True,
        help_text=_(
            "Pour un facilitateur : la Maison de l'emploi, le PLIE ou la collectivité qui l'accueille."
        ),
    )
    description = models.TextField(_("Présentation"), blank=True)
    description_en = models.TextField(_("Présentation en anglais"), blank=True)
    siret = models.CharField(
        _("SIRET"), max_length=14, blank=True, validators=[validate_siret], db_index=True
    )
    address = models.CharField(_("Adresse"), max_length=200, blank=True)
    postal_code = models.CharField(_("Code postal"), max_length=5, blank=True)
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("Commune du siège"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="located_actors",
    )
    latitude = models.FloatField(_("Latitude"), null=True, blank=True)
    longitude = models.FloatField(_("Longitude"), null=True, blank=True)
    phone = models.CharField(_("Téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("Courriel"), blank=True)
    website = models.URLField(_("Site internet"), blank=True)
    opening_hours = models.CharField(
        _("Horaires d'accueil"),
        max_length=200,
        blank=True,
        help_text=_("Au format OpenStreetMap, par exemple « Mo-Fr 09:00-12:00,14:00-17:00 »."),
    )
    whole_departement = models.BooleanField(_("Intervient dans tout l'Hérault"), default=False)
    communes = ParentalManyToManyField(
        Commune, verbose_name=_("Communes couvertes"), blank=True, related_name="actors"
    )
    epcis = ParentalManyToManyField(
        EPCI, verbose_name=_("Intercommunalités couvertes"), blank=True, related_name="actors"
    )
    sectors = ParentalManyToManyField(
        Sector, verbose_name=_("Secteurs d'activité"), blank=True, related_name="actors"
    )
    offers_staff_provision = models.BooleanField(
        _("Mise à disposition de personnel"), default=False
    )
    offers_services = models.BooleanField(_("Prestation de services"), default=False)
    offers_goods = models.BooleanField(_("Fabrication et fourniture de biens"), default=False)
    networks = models.CharField(
        _("Réseaux et labels"), max_length=300, blank=True, help_text=_("Séparés par des virgules.")
    )
    verified_on = models.DateField(_("Dernière vérification"), null=True, blank=True)
    published = models.BooleanField(_("Publié"), default=True)
    is_example = models.BooleanField(
        _("Fiche d'exemple"),
        default=False,
        help_text=_(
            "Structure inventée pour la démonstration : la fiche le signale aux visiteurs."
        ),
    )
    source = models.CharField(_("Source"), max_length=100, blank=True)
    source_id = models.CharField(_("Identifiant à la source"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("Créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Modifié le"), auto_now=True)

    objects = ActorQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("kind"),
                FieldPanel("host_organisation"),
                FieldPanel("siret"),
                FieldPanel("description"),
                FieldPanel("description_en"),
            ],
            heading=_("Identité"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("commune")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Coordonnées"),
        ),
        InlinePanel("contacts", label=_("Contacts")),
        MultiFieldPanel(
            [FieldPanel("whole_departement"), FieldPanel("epcis"), FieldPanel("communes")],
            heading=_("Territoire couvert"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("sectors"),
                FieldPanel("offers_staff_provision"),
                FieldPanel("offers_services"),
                FieldPanel("offers_goods"),
                FieldPanel("networks"),
            ],
            heading=_("Activité"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("verified_on"),
                FieldPanel("published"),
                FieldPanel("is_example"),
                FieldPanel("slug"),
            ],
            heading=_("Publication"),
        ),
    ]

    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("host_organisation"),
        index.SearchField("description"),
        index.SearchField("description_en"),
        index.SearchField("networks"),
        index.SearchField("address"),
        # The directory's filters, which the database backends check against these fields before
        # they run the match on PostgreSQL (sector and territory filter on the actor's id).
        index.FilterField("id"),
        index.FilterField("kind"),
        index.FilterField("published"),
        index.FilterField("whole_departement"),
        index.FilterField("offers_staff_provision"),
        index.FilterField("offers_services"),
        index.FilterField("offers_goods"),
    ]

    class Meta:
        verbose_name = _("Acteur")
        verbose_name_plural = _("Acteurs")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["siret"], condition=~Q(siret=""), name="directory_actor_unique_siret"
            )
        ]

    def __str__(self):
        return self.name

    def clean_fields(self, exclude=None):
        # "732 829 320 00074" as typed is the SIRET 73282932000074: compacted before it is checked.
        self.siret = compact_siret(self.siret)
        super().clean_fields(exclude=exclude)

    def clean(self):
        super().clean()
        message = coordinates_error(self.latitude, self.longitude)
        if message:
            raise ValidationError({"latitude": message})
        if self.postal_code and not (self.postal_code.isdigit() and len(self.postal_code) == 5):
            raise ValidationError({"postal_code": _("Le code postal doit compter 5 chiffres.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def localized_description(self):
        if (get_language() or "fr").startswith("en") and self.description_en:
            return self.description_en
        return self.description

    @property
    def reserved_contracts(self):
        """The reserved contracts this actor's kind makes it eligible for."""
        return [
            ReservedContract(choice)
            for choice, kinds in RESERVED_KINDS.items()
            if self.kind in kinds
        ]

    @property
    def service_types(self):
        return [ServiceType(t) for t, field in SERVICE_FIELDS.items() if getattr(self, field)]

    @property
    def network_list(self):
        return [part.strip() for part in self.networks.split(",") if part.strip()]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def get_admin_url(self):
        return reverse("wagtailsnippets_directory_actor:edit", args=[self.pk])


# The directory page's own routes: no actor's page may take their address.
RESERVED_SLUGS = {"facilitateur", "communes", "points", "export", "proposer"}


def unique_slug(name, exclude_pk=None):
    base = slugify(name)[:150] or "acteur"
    if base in RESERVED_SLUGS:
        base = f"{base}-acteur"
    slug, number = base, 2
    while Actor.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


class Contact(Orderable):
    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(_("Fonction"), max_length=120)
    name = models.CharField(_("Nom"), max_length=120, blank=True)
    email = models.EmailField(_("Courriel"), blank=True)
    phone = models.CharField(_("Téléphone"), max_length=30, blank=True)

    panels = [
        FieldPanel("role"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Contact")
        verbose_name_plural = _("Contacts")

    def __str__(self):
        return f"{self.role} — {self.name}" if self.name else self.role
