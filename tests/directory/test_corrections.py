"""Corrections proposed from the public site: the form filled in with the entry, honeypot, rate limit
and CSRF; the proposal holds only what changes and the editors are told where to review it (not who
sent it); editors apply the chosen fields in one transaction or refuse, and either deletes the
proposal; pending ones are purged after the retention period."""

from datetime import timedelta
from html import unescape

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from core.permissions import EDITORS, configure_editor_groups
from directory.models import Actor, CorrectionProposal

URL = "/annuaire/esat-des-jardins-de-lunel/corriger/"
VALID_SIRET = "73282932000074"


@pytest.fixture
def editor(directory_page):
    configure_editor_groups()
    user = get_user_model().objects.create_user(
        "redac", email="redaction@example.org", password="x-password-123"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def form_data(actor, **changes):
    """The form as the page offers it (the entry's current values), with `changes` typed over it."""
    data = {
        "name": actor.name,
        "host_organisation": actor.host_organisation,
        "description": actor.description,
        "siret": actor.siret,
        "address": actor.address,
        "postal_code": actor.postal_code,
        "phone": actor.phone,
        "email": actor.email,
        "web_address": actor.website,
        "opening_hours": actor.opening_hours,
        "message": "",
        "proposer_email": "camille@example.org",
        "website": "",
    }
    data.update(changes)
    return data


def propose(client, actor, **changes):
    return client.post(URL, form_data(actor, **changes))


def text(response):
    return unescape(response.content.decode())


def test_the_form_offers_the_entry_as_published_with_the_honeypot_last(client, actors):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="ESAT des Jardins de Lunel"' in html
    assert "csrfmiddlewaretoken" in html
    fields = list(response.context["form"].fields)
    assert fields[-1] == "website"
    assert "web_address" in fields
    assert "elle est effacée dès que" in html


def test_the_actor_page_links_to_the_form(client, actors):
    html = client.get("/annuaire/esat-des-jardins-de-lunel/").content.decode()
    assert f'href="{URL}"' in html


def test_a_proposal_keeps_only_what_changes_and_tells_the_editors_where_to_review_it(
    client, actors, editor, django_capture_on_commit_callbacks
):
    esat = actors["esat"]
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(
            client,
            esat,
            phone="04 67 00 00 01",
            web_address="jardins-lunel.example.org",
            message="Nous intervenons aussi à Mauguio.",
            proposer_name="Camille Martin",
            from_actor="on",
        )
    assert response.status_code == 200
    assert "votre proposition est envoyée" in response.content.decode()
    proposal = CorrectionProposal.objects.get()
    assert proposal.changes == {
        "phone": "04 67 00 00 01",
        "website": "https://jardins-lunel.example.org",
    }
    assert proposal.original == {"phone": esat.phone, "website": esat.website}
    assert proposal.from_actor and proposal.proposer_email == "camille@example.org"
    esat.refresh_from_db()
    assert esat.phone != "04 67 00 00 01"  # nothing published before review
    [message] = mail.outbox
    assert message.to == ["redaction@example.org"]
    assert "ESAT des Jardins de Lunel" in message.subject
    assert f"/admin/annuaire/corrections/{proposal.pk}/" in message.body
    assert "Téléphone" in message.body and "par la structure elle-même" in message.body
    assert "camille@example.org" not in message.body and "Camille" not in message.body


def test_a_proposal_that_changes_nothing_is_refused_in_french(client, actors):
    response = propose(client, actors["esat"])
    assert response.status_code == 400
    assert "Vous n'avez rien changé" in text(response)
    assert not CorrectionProposal.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"siret": "12345678901234"}, "Le numéro SIRET «\xa012345678901234\xa0» n'est pas valide"),
        ({"postal_code": "3440"}, "Le code postal doit compter 5 chiffres."),
        ({"email": "pas-une-adresse"}, "Cette adresse électronique n'est pas valide"),
        ({"name": ""}, "Indiquez le nom de la structure."),
        ({"proposer_email": ""}, "Indiquez votre adresse électronique."),
        ({"website": "http://robot.example"}, "réservé à la détection des robots"),
    ],
)
def test_bad_input_gets_a_french_message_and_stores_nothing(client, actors, changes, message):
    response = propose(client, actors["esat"], phone="04 67 00 00 09", **changes)
    assert response.status_code == 400
    assert message in text(response)
    assert not CorrectionProposal.objects.exists()
    assert not mail.outbox


def test_a_siret_typed_with_spaces_is_proposed_compacted(client, actors):
    assert propose(client, actors["esat"], siret="732 829 320 00074").status_code == 200
    assert CorrectionProposal.objects.get().changes == {"siret": VALID_SIRET}


def test_a_post_without_the_csrf_token_is_refused(actors):
    client = Client(enforce_csrf_checks=True)
    response = propose(client, actors["esat"], phone="04 67 00 00 01")
    assert response.status_code == 403
    assert not CorrectionProposal.objects.exists()


def test_posts_beyond_the_rate_limit_get_the_429_page(client, actors, settings):
    settings.DIRECTORY_CORRECTION_RATE_LIMIT = "2/10m"
    for number in range(2):
        assert propose(client, actors["esat"], phone=f"04 67 00 00 0{number}").status_code == 200
    assert propose(client, actors["esat"], phone="04 67 00 00 09").status_code == 429
    assert CorrectionProposal.objects.count() == 2


def test_an_unpublished_entry_cannot_be_corrected(client, actors):
    assert client.get("/annuaire/geiq-non-publie/corriger/").status_code == 404


def test_the_review_shows_current_and_proposed_values_and_what_changed_since(
    client, actors, editor_client
):
    esat = actors["esat"]
    propose(client, esat, phone="04 67 00 00 01", address="2 chemin des Jardins")
    Actor.objects.filter(pk=esat.pk).update(phone="04 67 99 99 99")
    proposal = CorrectionProposal.objects.get()
    listing = editor_client.get("/admin/annuaire/corrections/")
    assert f"/admin/annuaire/corrections/{proposal.pk}/" in listing.content.decode()
    html = editor_client.get(f"/admin/annuaire/corrections/{proposal.pk}/").content.decode()
    assert "<ins>04 67 00 00 01</ins>" in html
    assert "<del>04 67 99 99 99</del>" in html
    assert "La fiche a changé depuis la proposition" in html
    assert "camille@example.org" in html


def test_applying_writes_the_chosen_fields_logs_it_and_erases_the_proposal(
    client, actors, editor, editor_client
):
    esat = actors["esat"]
    propose(client, esat, phone="04 67 00 00 01", address="2 chemin des Jardins")
    proposal = CorrectionProposal.objects.get()
    response = editor_client.post(
        f"/admin/annuaire/corrections/{proposal.pk}/", {"action": "apply", "fields": ["phone"]}
    )
    assert response.status_code == 302
    esat.refresh_from_db()
    assert esat.phone == "04 67 00 00 01"
    assert esat.address != "2 chemin des Jardins"
    assert not CorrectionProposal.objects.exists()
    entry = ModelLogEntry.objects.get(object_id=str(esat.pk), action="wagtail.edit")
    assert entry.user == editor


def test_a_correction_the_entry_cannot_take_writes_nothing(client, actors, editor_client):
    esat, ei = actors["esat"], actors["ei"]
    propose(client, esat, name="ESAT renommé", siret=VALID_SIRET)
    proposal = CorrectionProposal.objects.get()
    # Meanwhile another entry took that SIRET: the whole correction is refused, the name included.
    Actor.objects.filter(pk=ei.pk).update(siret=VALID_SIRET)
    response = editor_client.post(
        f"/admin/annuaire/corrections/{proposal.pk}/",
        {"action": "apply", "fields": ["name", "siret"]},
    )
    assert response.status_code == 400
    assert "La correction n'est pas appliquée" in text(response)
    esat.refresh_from_db()
    assert esat.name == "ESAT des Jardins de Lunel"
    assert CorrectionProposal.objects.filter(pk=proposal.pk).exists()


def test_refusing_erases_the_proposal_and_leaves_the_entry(client, actors, editor_client):
    esat = actors["esat"]
    phone = esat.phone
    propose(client, esat, phone="04 67 00 00 01")
    proposal = CorrectionProposal.objects.get()
    response = editor_client.post(
        f"/admin/annuaire/corrections/{proposal.pk}/", {"action": "refuse"}
    )
    assert response.status_code == 302
    assert not CorrectionProposal.objects.exists()
    esat.refresh_from_db()
    assert esat.phone == phone


def test_only_editors_review_proposals(client, actors, editor_client):
    propose(client, actors["esat"], phone="04 67 00 00 01")
    proposal = CorrectionProposal.objects.get()
    visitor = get_user_model().objects.create_user("visiteur", password="x-password-123")
    client.force_login(visitor)
    assert client.get("/admin/annuaire/corrections/").status_code in (302, 403)
    response = client.post(f"/admin/annuaire/corrections/{proposal.pk}/", {"action": "refuse"})
    assert response.status_code in (302, 403)
    assert CorrectionProposal.objects.filter(pk=proposal.pk).exists()


def test_pending_proposals_are_purged_after_the_retention_period(client, actors, settings):
    settings.DIRECTORY_CORRECTION_RETENTION_DAYS = 30
    propose(client, actors["esat"], phone="04 67 00 00 01")
    propose(
        client, actors["ei"].__class__.objects.get(pk=actors["esat"].pk), phone="04 67 00 00 02"
    )
    old, recent = CorrectionProposal.objects.order_by("pk")
    CorrectionProposal.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    call_command("purge_correction_proposals", verbosity=0)
    assert list(CorrectionProposal.objects.values_list("pk", flat=True)) == [recent.pk]


def test_a_forged_proposal_with_fields_the_form_does_not_offer_changes_nothing_else(client, actors):
    esat = actors["esat"]
    response = propose(
        client,
        esat,
        phone="04 67 00 00 01",
        published="",
        kind="acheteur",
        is_example="on",
        latitude="48.85",
        actor_id="1",
    )
    assert response.status_code == 200
    assert CorrectionProposal.objects.get().changes == {"phone": "04 67 00 00 01"}
    esat.refresh_from_db()
    assert esat.published and esat.kind == "esat" and not esat.is_example


def test_forged_fields_in_the_review_are_not_written(client, actors, editor_client):
    esat = actors["esat"]
    propose(client, esat, phone="04 67 00 00 01")
    proposal = CorrectionProposal.objects.get()
    # A proposal altered in the database, then applied with field names the diff never offered.
    CorrectionProposal.objects.filter(pk=proposal.pk).update(
        changes={"phone": "04 67 00 00 01", "published": False, "kind": "acheteur"}
    )
    response = editor_client.post(
        f"/admin/annuaire/corrections/{proposal.pk}/",
        {"action": "apply", "fields": ["published", "kind"]},
    )
    assert response.status_code == 400
    assert "Choisissez au moins une modification à appliquer." in text(response)
    esat.refresh_from_db()
    assert esat.published and esat.kind == "esat" and esat.phone != "04 67 00 00 01"
    assert CorrectionProposal.objects.filter(pk=proposal.pk).exists()


def test_an_unknown_review_action_or_proposal_writes_nothing(client, actors, editor_client):
    esat = actors["esat"]
    propose(client, esat, phone="04 67 00 00 01")
    proposal = CorrectionProposal.objects.get()
    response = editor_client.post(
        f"/admin/annuaire/corrections/{proposal.pk}/", {"action": "publier"}
    )
    assert "Cette action n'existe pas" in text(response)
    assert CorrectionProposal.objects.filter(pk=proposal.pk).exists()
    missing = editor_client.post(
        f"/admin/annuaire/corrections/{proposal.pk + 1000}/", {"action": "apply"}
    )
    assert missing.status_code == 404
    esat.refresh_from_db()
    assert esat.phone != "04 67 00 00 01"
