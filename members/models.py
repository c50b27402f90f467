"""The network's accounts: a member's profile (structure and territories) and the invitations
editors send; the members-only page type of the network's space.

A member is a Django user with a `Member` profile and the group NETWORK (plus FACILITATORS or
COORDINATION by role). Wagtail editors are users too: a person may be both, the two are distinct.
The structure is an actor of the directory, kept by its id (core.reference, never an import of
directory/); territories are INSEE codes of communes and SIREN of EPCI."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.blocks import content_blocks
from core.network import COORDINATION, FACILITATORS, NETWORK

from .access import gate
from .buyers import buyer_url

ROLE_NETWORK = "network"
ROLE_FACILITATOR = "facilitator"
ROLE_COORDINATION = "coordination"
ROLE_CHOICES = [
    (ROLE_NETWORK, _("Membre du réseau")),
    (ROLE_FACILITATOR, _("Facilitateur ou facilitatrice d'un territoire")),
    (ROLE_COORDINATION, _("Équipe de coordination MICS 34")),
]
# The groups of each role: every member is of the network.
ROLE_GROUPS = {
    ROLE_NETWORK: (NETWORK,),
    ROLE_FACILITATOR: (NETWORK, FACILITATORS),
    ROLE_COORDINATION: (NETWORK, COORDINATION),
}


class Member(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_member",
        verbose_name=_("compte"),
    )
    structure_id = models.PositiveIntegerField(_("structure de l'annuaire"), null=True, blank=True)
    territory_codes = models.JSONField(_("territoires"), default=list, blank=True)
    created_at = models.DateTimeField(_("membre depuis"), default=timezone.now)

    class Meta:
        verbose_name = _("membre du réseau")
        verbose_name_plural = _("membres du réseau")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class Invitation(models.Model):
    """An invitation by email. The link carries a signed, dated token (members.invitations); the
    email address and names are cleared once the account exists (they live on the account)."""

    email = models.EmailField(_("adresse électronique"), blank=True)
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    role = models.CharField(_("rôle"), max_length=20, choices=ROLE_CHOICES, default=ROLE_NETWORK)
    structure_id = models.PositiveIntegerField(_("structure de l'annuaire"), null=True, blank=True)
    territory_codes = models.JSONField(_("territoires"), default=list, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invité par"),
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_invitations",
        verbose_name=_("compte créé"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email or str(self.pk)


def network_group() -> Group:
    group, _created = Group.objects.get_or_create(name=NETWORK)
    return group


class MembersPage(Page):
    """A page of the network's space: readable by the members of the network only (a Wagtail view
    restriction by group, set on creation), so never in the public search, sitemap or feeds (they
    list public pages only)."""

    intro = models.TextField(
        _("Chapô"), blank=True, help_text=_("Une ou deux phrases qui résument la page.")
    )
    body = StreamField(content_blocks(), verbose_name=_("Contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "members.MembersPage"]
    subpage_types = ["members.MembersPage"]
    template = "members/members_page.html"

    class Meta:
        verbose_name = _("Page de l'espace réseau")
        verbose_name_plural = _("Pages de l'espace réseau")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        restrict_to_network(self)
        return result

    def serve(self, request, *args, **kwargs):
        refusal = gate(request)
        if refusal is not None:
            return refusal
        return super().serve(request, *args, **kwargs)


def restrict_to_network(page: Page) -> None:
    """Give `page` a view restriction to the NETWORK group unless an ancestor's already covers it."""
    if page.pk is None or page.get_view_restrictions().exists():
        return
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network_group()])


# --- Register of multi-territorial and State contracts ------------------------------------------

# A plausible upper bound of insertion hours on one territory for one year of one contract (about
# 60 full-time posts): more is a typing error.
MAX_HOURS_PER_YEAR = 100_000


class Contract(models.Model):
    """A contract covering several territories (a State or multi-territorial contract), each with
    its lead facilitator following the insertion hours."""

    STATUS_PREPARATION = "preparation"
    STATUS_RUNNING = "running"
    STATUS_CLOSED = "closed"
    STATUS_CHOICES = [
        (STATUS_PREPARATION, _("En préparation")),
        (STATUS_RUNNING, _("En cours d'exécution")),
        (STATUS_CLOSED, _("Terminé")),
    ]

    title = models.CharField(_("objet du marché"), max_length=255)
    buyer = models.CharField(_("acheteur"), max_length=255)
    # The buyer's actor in the directory (core.reference), when it is there; `buyer` keeps its name.
    buyer_structure_id = models.PositiveIntegerField(
        _("acheteur de l'annuaire"), null=True, blank=True, db_index=True
    )
    lots = models.TextField(_("lots"), blank=True)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    notice_url = models.URLField(_("avis de la veille des marchés"), blank=True)
    # The BOAMP identifier of the procurement watch's notice ("26-12345"), linked to its page.
    notice_id = models.CharField(_("identifiant BOAMP de l'avis"), max_length=40, blank=True)
    status = models.CharField(
        _("état"), max_length=20, choices=STATUS_CHOICES, default=STATUS_PREPARATION
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("marché multi-territorial")
        verbose_name_plural = _("marchés multi-territoriaux")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def buyer_url(self):
        return buyer_url(self.buyer_structure_id, self.buyer)


class ContractTerritory(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="territories")
    territory_code = models.CharField(_("territoire"), max_length=9)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="followed_contract_territories",
        verbose_name=_("facilitateur référent"),
    )

    class Meta:
        verbose_name = _("territoire du marché")
        verbose_name_plural = _("territoires du marché")
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "territory_code"], name="members_contract_territory_unique"
            )
        ]
        ordering = ["territory_code"]

    def __str__(self):
        return f"{self.contract} — {self.territory_code}"


class HoursRecord(models.Model):
    """The insertion hours targeted and achieved on one territory of a contract for one year."""

    territory = models.ForeignKey(ContractTerritory, on_delete=models.CASCADE, related_name="hours")
    year = models.PositiveSmallIntegerField(_("année"))
    targeted = models.PositiveIntegerField(_("heures visées"), default=0)
    achieved = models.PositiveIntegerField(_("heures réalisées"), default=0)

    class Meta:
        verbose_name = _("heures d'insertion")
        verbose_name_plural = _("heures d'insertion")
        constraints = [
            models.UniqueConstraint(fields=["territory", "year"], name="members_hours_unique"),
            models.CheckConstraint(
                condition=models.Q(achieved__lte=MAX_HOURS_PER_YEAR)
                & models.Q(targeted__lte=MAX_HOURS_PER_YEAR),
                name="members_hours_plausible",
            ),
        ]
        ordering = ["year"]

    def __str__(self):
        return f"{self.territory} — {self.year}"


class ContractDocument(models.Model):
    """A document of a contract: a Wagtail document in the collection of the contracts' documents,
    restricted to the NETWORK group (members.documents)."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document du marché")
        verbose_name_plural = _("documents du marché")
        ordering = ["-added_at", "-pk"]

    def __str__(self):
        return str(self.document)


class ContractChange(models.Model):
    """The history of a contract: who changed what, when."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    description = models.TextField()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return self.description


# --- Log of meetings with buyers ----------------------------------------------------------------


class BuyerMeeting(models.Model):
    """A meeting of members of the network with a public buyer (one buyer, or several in a
    collective meeting), with its follow-up date; a reminder email goes when it is due."""

    KIND_INDIVIDUAL = "individual"
    KIND_COLLECTIVE = "collective"
    KIND_CHOICES = [(KIND_INDIVIDUAL, _("Individuelle")), (KIND_COLLECTIVE, _("Collective"))]

    buyer = models.CharField(_("acheteur"), max_length=255)
    # The buyer's actor in the directory (core.reference), when it is there; `buyer` keeps its name.
    buyer_structure_id = models.PositiveIntegerField(
        _("acheteur de l'annuaire"), null=True, blank=True, db_index=True
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("type"), max_length=20, choices=KIND_CHOICES, default=KIND_INDIVIDUAL)
    territory_code = models.CharField(_("territoire"), max_length=9, blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="buyer_meetings", verbose_name=_("participants")
    )
    topics = models.TextField(_("sujets abordés"))
    outcome = models.TextField(_("suites données"), blank=True)
    follow_up_on = models.DateField(_("date de relance"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("relance faite"), default=False)
    reminder_sent_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rencontre avec un acheteur")
        verbose_name_plural = _("rencontres avec les acheteurs")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.buyer} — {self.date}"

    def buyer_url(self):
        return buyer_url(self.buyer_structure_id, self.buyer)


# --- The coordination's log of changes to members --------------------------------------------


class MemberChange(models.Model):
    """What the coordination changed on a member's account: role, territories, deactivation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_changes",
        verbose_name=_("membre"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("modifié par"),
    )
    at = models.DateTimeField(_("le"), default=timezone.now)
    description = models.TextField(_("modification"))

    class Meta:
        verbose_name = _("modification d'un membre")
        verbose_name_plural = _("modifications des membres")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return self.description
