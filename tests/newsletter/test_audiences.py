"""The newsletter's segments are core.kinds' families (the directory's kinds, as in the agenda's
registration form), and migration 0007 maps the readers, pages, sends and pending consents of the
segments of before onto them, both ways."""

import importlib

from django.apps import apps

import pytest

from core.kinds import OrganisationKind, family_of
from newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from newsletter.forms import PreferencesForm, SubscribeForm
from newsletter.models import (
    Audience,
    AudienceKey,
    CampaignSend,
    Consent,
    ConsentSource,
    Purpose,
)

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("newsletter.migrations.0007_audiences_on_core_kinds")


@pytest.fixture
def issue(home_page):
    index = NewsletterIndexPageFactory(parent=home_page)
    return NewsletterPageFactory(parent=index, title="Lettre de mars")


def test_the_segments_are_the_families_of_core_kinds_and_all_the_news():
    families = [family for family in OrganisationKind if family != OrganisationKind.OTHER]
    assert AudienceKey.values == [family.value for family in families] + ["all"]
    for family in families:
        assert AudienceKey(family.value).label == family.label


@pytest.mark.parametrize("form_class", [SubscribeForm, PreferencesForm])
def test_the_forms_offer_each_family_in_the_directory_words(audiences, form_class):
    choices = [(str(label)) for _value, label in form_class().fields["audiences"].choices]
    assert choices == [str(label) for label in AudienceKey.labels]
    assert "Entreprise adaptée ou ESAT" in choices
    assert "Autre" not in choices


def test_a_reader_of_an_actor_kind_subscribes_to_its_family(client, home_page, audiences):
    family = Audience.objects.get(key=family_of("esat"))
    response = client.post(
        "/lettre/inscription/",
        {"email": "esat@example.org", "audiences": [family.pk], "website": ""},
    )
    assert response.status_code == 302
    consent = Consent.objects.get(subscriber__email="esat@example.org")
    assert consent.details["audiences"] == ["disability"]


def old_segments():
    """The database as before migration 0007: the four segments of 0002, readers, an issue's send
    and a pending consent pointing at them."""
    Audience.objects.all().delete()
    old = {
        key: Audience.objects.create(key=key, position=position)
        for position, key in enumerate(["buyers", "network", "companies", "all"])
    }
    buyer = SubscriberFactory(email="acheteuse@example.org", audiences=[old["buyers"]])
    partner = SubscriberFactory(
        email="plie@example.org", audiences=[old["network"], old["companies"]]
    )
    everything = SubscriberFactory(email="tout@example.org", audiences=[old["all"]])
    pending = Consent.objects.create(
        subscriber=SubscriberFactory(email="attente@example.org", consent=False),
        purpose=Purpose.NEWSLETTER,
        source=ConsentSource.FORM,
        wording="J'accepte de recevoir la lettre d'information.",
        details={"audiences": ["network", "all"], "territory": "Lodévois"},
    )
    return old, buyer, partner, everything, pending


def keys(subscriber):
    return {audience.key for audience in subscriber.audiences.all()}


def test_the_migration_maps_each_old_segment_onto_its_families(issue):
    old, buyer, partner, everything, pending = old_segments()
    send = CampaignSend.objects.create(page=issue)
    send.audiences.set([old["companies"]])

    MIGRATION.forwards(apps, None)

    assert list(Audience.objects.values_list("key", flat=True)) == AudienceKey.values
    # The old rows keep their primary key under their first family's key.
    assert Audience.objects.get(pk=old["buyers"].pk).key == "public_buyer"
    assert Audience.objects.get(pk=old["network"].pk).key == "facilitator"
    assert keys(buyer) == {"public_buyer"}
    assert keys(partner) == {
        "facilitator",
        "network",
        "prescriber",
        "company",
        "siae",
        "disability",
        "geiq",
    }
    assert keys(everything) == {"all"}
    assert {a.key for a in send.audiences.all()} == {"company", "siae", "disability", "geiq"}
    pending.refresh_from_db()
    assert pending.details == {
        "audiences": ["facilitator", "network", "prescriber", "all"],
        "territory": "Lodévois",
    }


def test_the_migration_runs_back_to_the_old_segments(issue):
    old, buyer, partner, everything, pending = old_segments()
    MIGRATION.forwards(apps, None)
    # A reader who chose a family after the migration goes back to the segment holding it.
    geiq = SubscriberFactory(email="geiq@example.org", audiences=[Audience.objects.get(key="geiq")])

    MIGRATION.backwards(apps, None)

    assert list(Audience.objects.values_list("key", flat=True)) == [
        "buyers",
        "network",
        "companies",
        "all",
    ]
    assert Audience.objects.get(key="network").pk == old["network"].pk
    assert keys(buyer) == {"buyers"}
    assert keys(partner) == {"network", "companies"}
    assert keys(everything) == {"all"}
    assert keys(geiq) == {"companies"}
    pending.refresh_from_db()
    assert pending.details["audiences"] == ["network", "all"]


def test_the_migration_on_a_fresh_database_creates_every_segment():
    Audience.objects.all().delete()
    MIGRATION.forwards(apps, None)
    assert list(Audience.objects.values_list("key", flat=True)) == AudienceKey.values
