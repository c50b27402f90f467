"""Who receives email from the site, what they agreed to, and who must never receive it again.

One `Subscriber` per address; one `Consent` per purpose (the newsletter, a search alert...) with the
proof of when, how and in which words it was given; one `Suppression` list of address hashes that
every send checks. Other apps use these through `newsletter.subscriptions`, not directly."""

import hashlib
import hmac
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.kinds import OrganisationKind


def normalise_email(address):
    """The form an address is stored and compared in: trimmed and lower-cased (mailbox providers
    treat the local part case-insensitively in practice)."""
    return (address or "").strip().lower()


def suppression_key():
    """NEWSLETTER_SUPPRESSION_KEY (required in production: it must outlive any SECRET_KEY rotation,
    or the suppression list would silently stop matching); derived from SECRET_KEY elsewhere."""
    key = settings.NEWSLETTER_SUPPRESSION_KEY
    if not key:
        key = salted_hmac("newsletter.suppression", "key").hexdigest()
    return key.encode("utf-8")


def email_hash(address):
    """HMAC-SHA-256 of the normalised address, keyed with the site's suppression key: what the
    suppression list keeps instead of the address. Keyed, so that a copy of the database does not
    tell whether a given address was erased (a bare hash of an address is found by trying it)."""
    return hmac.new(
        suppression_key(), normalise_email(address).encode("utf-8"), hashlib.sha256
    ).hexdigest()


def legacy_email_hash(address):
    """The bare SHA-256 the suppression list kept before its hashes were keyed (migration 0004).
    The rows of people erased before then keep it: their address is gone, so nothing can re-key
    them until the address is seen again (`SuppressionQuerySet.suppressed`)."""
    return hashlib.sha256(normalise_email(address).encode("utf-8")).hexdigest()


class Purpose(models.TextChoices):
    """Why an address receives email. Another app that sends its own kind of email (the resource
    hub's search alerts) records consents under its own purpose; ALERT is reserved for it."""

    NEWSLETTER = "newsletter", _("Lettre d'information")
    ALERT = "alert", _("Alerte sur une recherche")


# The newsletter's segments are the families of organisations of core.kinds (the directory's actor
# kinds grouped as a person says where they come from, as in the agenda's registration form), less
# "Autre", plus "all the news". Same values and labels as OrganisationKind: a reader, an event and a
# campaign are targeted in the words the directory uses.
AudienceKey = models.TextChoices(
    "AudienceKey",
    [
        (family.name, (family.value, family.label))
        for family in OrganisationKind
        if family != OrganisationKind.OTHER
    ]
    + [("ALL_NEWS", ("all", _("Toute l'actualité")))],
)

# The segments before they followed core.kinds (migration 0007 maps them): each old key, the families
# its readers now receive. Also read by the CSV import, so that an older file still imports.
LEGACY_AUDIENCES = {
    "buyers": [OrganisationKind.PUBLIC_BUYER],
    "network": [
        OrganisationKind.FACILITATOR,
        OrganisationKind.NETWORK,
        OrganisationKind.PRESCRIBER,
    ],
    "companies": [
        OrganisationKind.COMPANY,
        OrganisationKind.SIAE,
        OrganisationKind.DISABILITY,
        OrganisationKind.GEIQ,
    ],
}


class Audience(models.Model):
    """A segment of the newsletter's readers: a family of organisations of core.kinds, or all the
    news. The segments are created by the migrations (0002, 0007); their names come from
    `AudienceKey`, so they follow the visitor's language."""

    key = models.CharField(_("Segment"), max_length=30, choices=AudienceKey.choices, unique=True)
    description = models.CharField(_("Description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("Ordre d'affichage"), default=0)

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("Public")
        verbose_name_plural = _("Publics")

    def __str__(self):
        return str(self.get_key_display())

    @classmethod
    def ensure_defaults(cls):
        """Every segment of `AudienceKey`, in its order (also created by migration 0007)."""
        for position, key in enumerate(AudienceKey.values):
            cls.objects.get_or_create(key=key, defaults={"position": position})
        return list(cls.objects.all())

    @property
    def receives_everything(self):
        return self.key == AudienceKey.ALL_NEWS


class Subscriber(models.Model):
    """A person who receives, or asked to receive, email from the site. `key` is the secret part of
    the signed links in every email (preferences, unsubscribe): erasing the subscriber voids them."""

    class Language(models.TextChoices):
        FRENCH = "fr", "Français"
        ENGLISH = "en", "English"

    email = models.EmailField(_("Adresse électronique"), max_length=254, unique=True)
    name = models.CharField(_("Nom"), max_length=150, blank=True)
    organisation = models.CharField(_("Structure"), max_length=200, blank=True)
    territory = models.CharField(_("Territoire"), max_length=150, blank=True)
    language = models.CharField(
        _("Langue"), max_length=5, choices=Language.choices, default=Language.FRENCH
    )
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("Publics"), related_name="subscribers", blank=True
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("Inscrit le"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("Adresse confirmée le"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("Abonné")
        verbose_name_plural = _("Abonnés")

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def active_consent(self, purpose):
        return (
            self.consents.filter(purpose=purpose, confirmed_at__isnull=False, withdrawn_at=None)
            .order_by("-confirmed_at")
            .first()
        )

    def is_subscribed(self, purpose=Purpose.NEWSLETTER):
        return self.active_consent(purpose) is not None

    @property
    def newsletter_status(self):
        consents = {c.state for c in self.consents.all() if c.purpose == Purpose.NEWSLETTER}
        for state in (Consent.State.ACTIVE, Consent.State.PENDING, Consent.State.WITHDRAWN):
            if state in consents:
                return state.label
        return "—"


class ConsentSource(models.TextChoices):
    FORM = "form", _("Formulaire du site (double confirmation)")
    IMPORT = "import", _("Import par un rédacteur")


class Consent(models.Model):
    """The proof of one consent (GDPR art. 7.1): when it was given, in which words, from which
    address, and when it was confirmed and withdrawn. Kept while the subscription lasts and for three
    years after its withdrawal (the limitation period for a claim), then deleted by
    `manage.py purge_newsletter_data`; deleted at once with the subscriber on erasure."""

    class State(models.TextChoices):
        PENDING = "pending", _("En attente de confirmation")
        ACTIVE = "active", _("Abonné")
        WITHDRAWN = "withdrawn", _("Désabonné")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("Finalité"), max_length=40, choices=Purpose.choices)
    source = models.CharField(_("Origine"), max_length=20, choices=ConsentSource.choices)
    wording = models.TextField(_("Texte présenté"))
    basis = models.TextField(
        _("Base du consentement"),
        blank=True,
        help_text=_("Pour un import : où et comment ces personnes ont donné leur accord."),
    )
    # What the person asked for (audiences, profile): applied when the consent is confirmed, so that
    # nobody changes another person's subscription by typing their address.
    details = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("Adresse IP"), null=True, blank=True)
    given_at = models.DateTimeField(_("Donné le"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("Confirmé le"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("Retiré le"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Enregistré par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("Consentement")
        verbose_name_plural = _("Consentements")
        indexes = [models.Index(fields=["purpose", "withdrawn_at", "confirmed_at"])]

    def __str__(self):
        return f"{self.subscriber} — {self.get_purpose_display()} ({self.state.label})"

    @property
    def state(self):
        if self.withdrawn_at:
            return self.State.WITHDRAWN
        if self.confirmed_at:
            return self.State.ACTIVE
        return self.State.PENDING


class SuppressionReason(models.TextChoices):
    HARD_BOUNCE = "bounced", _("Adresse invalide (rejet définitif)")
    SOFT_BOUNCES = "soft_bounces", _("Rejets temporaires à plusieurs envois consécutifs")
    COMPLAINT = "complained", _("Signalé comme indésirable")
    ERASED = "erased", _("Données effacées à la demande de la personne")
    MANUAL = "manual", _("Ajouté par un rédacteur")


class SuppressionQuerySet(models.QuerySet):
    LOOKUP_CHUNK = 5000

    def for_address(self, address):
        """The rows that suppress `address`, under its keyed hash or its old bare one."""
        return self.filter(email_hash__in=[email_hash(address), legacy_email_hash(address)])

    def suppressed(self, addresses):
        """The normalised addresses among `addresses` that are suppressed. A row found under the old
        bare hash is re-keyed on the spot, now that its address is known again (or dropped when
        the keyed row exists too), so the old hashes disappear as their addresses come back."""
        by_hash, keyed_of = {}, {}
        for address in {normalise_email(a) for a in addresses}:
            keyed, legacy = email_hash(address), legacy_email_hash(address)
            by_hash[keyed] = by_hash[legacy] = address
            keyed_of[legacy] = keyed
        hashes, found, legacy_found = list(by_hash), set(), []
        for start in range(0, len(hashes), self.LOOKUP_CHUNK):
            chunk = hashes[start : start + self.LOOKUP_CHUNK]
            for found_hash in self.filter(email_hash__in=chunk).values_list(
                "email_hash", flat=True
            ):
                found.add(by_hash[found_hash])
                if found_hash in keyed_of:
                    legacy_found.append(found_hash)
        for legacy in legacy_found:
            self.rekey(legacy, keyed_of[legacy])
        return found

    def rekey(self, legacy, keyed):
        if self.filter(email_hash=keyed).exists():
            self.filter(email_hash=legacy).delete()
        else:
            self.filter(email_hash=legacy).update(email_hash=keyed)


class Suppression(models.Model):
    """An address that no campaign may reach. Only its keyed hash (`email_hash`) is kept, so an erased
    person's address is not stored in clear yet stays suppressed. Rows older than the keying may
    still hold a bare SHA-256: every lookup goes through `SuppressionQuerySet`, which matches both."""

    email_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(_("Motif"), max_length=20, choices=SuppressionReason.choices)
    created_at = models.DateTimeField(_("Depuis le"), default=timezone.now)

    objects = SuppressionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Adresse exclue")
        verbose_name_plural = _("Adresses exclues")

    def __str__(self):
        return f"{self.email_hash[:12]}… ({self.get_reason_display()})"
