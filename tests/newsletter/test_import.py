"""Editors' CSV import: a report per row, nothing half-imported, consent recorded with the stated
basis; suppressed addresses never come back."""

import pytest

from newsletter.factories import SubscriberFactory
from newsletter.importing import import_subscribers
from newsletter.models import Consent, ConsentSource, Subscriber, SuppressionReason
from newsletter.subscriptions import suppress

pytestmark = pytest.mark.django_db

BASIS = "Formulaire papier de la rencontre acheteurs du 12 mars 2026"


def run(text, audiences, admin_user, encoding="utf-8"):
    return import_subscribers(
        text.encode(encoding),
        basis=BASIS,
        default_audiences=[audiences["public_buyer"]],
        user=admin_user,
    )


def test_a_valid_file_is_imported_with_its_consent_basis(audiences, admin_user):
    report = run(
        "courriel;nom;structure;publics\n"
        "Anne.Dupont@Example.org;Anne Dupont;Ville de Béziers;\n"
        "esat@example.org;;ESAT du Lodévois;Entreprise adaptée ou ESAT|network\n",
        audiences,
        admin_user,
    )
    assert report.imported
    assert report.counts == {"accepted": 2, "duplicate": 0, "suppressed": 0, "invalid": 0}
    anne = Subscriber.objects.get(email="anne.dupont@example.org")
    assert anne.organisation == "Ville de Béziers"
    assert [a.key for a in anne.audiences.all()] == ["public_buyer"]
    esat = Subscriber.objects.get(email="esat@example.org")
    assert {a.key for a in esat.audiences.all()} == {"disability", "network"}
    consent = Consent.objects.get(subscriber=anne)
    assert consent.source == ConsentSource.IMPORT
    assert consent.basis == BASIS
    assert consent.recorded_by == admin_user
    assert anne.is_subscribed()


def test_one_invalid_row_imports_nothing_and_is_reported_by_line(audiences, admin_user):
    report = run(
        "email,name\nok@example.org,Ok\npas-une-adresse,Non\n,\nautre@example.org,Autre\n",
        audiences,
        admin_user,
    )
    assert not report.imported
    assert [(r.line, r.outcome) for r in report.rows] == [
        (2, "accepted"),
        (3, "invalid"),
        (5, "accepted"),
    ]
    assert "invalide" in report.rows[1].message
    assert not Subscriber.objects.exists()


def test_duplicates_in_the_file_and_existing_subscribers_are_reported(audiences, admin_user):
    SubscriberFactory(email="deja@example.org")
    report = run(
        "courriel\nnouveau@example.org\nNOUVEAU@example.org\ndeja@example.org\n",
        audiences,
        admin_user,
    )
    assert report.imported
    assert [r.outcome for r in report.rows] == ["accepted", "duplicate", "duplicate"]
    assert Subscriber.objects.count() == 2


def test_a_suppressed_address_is_never_imported(audiences, admin_user):
    suppress("parti@example.org", SuppressionReason.ERASED)
    report = run("courriel\nparti@example.org\nreste@example.org\n", audiences, admin_user)
    assert [r.outcome for r in report.rows] == ["suppressed", "accepted"]
    assert not Subscriber.objects.filter(email="parti@example.org").exists()


def test_an_unknown_audience_is_an_invalid_row(audiences, admin_user):
    report = run("courriel;publics\nx@example.org;élus\n", audiences, admin_user)
    assert report.rows[0].outcome == "invalid"
    assert "élus" in report.rows[0].message


def test_a_file_without_an_email_column_is_refused(audiences, admin_user):
    report = run("nom;structure\nAnne;Ville\n", audiences, admin_user)
    assert "courriel" in report.error
    assert not report.imported


def test_a_windows_1252_file_is_read(audiences, admin_user):
    report = run("courriel;nom\nel@example.org;Hélène\n", audiences, admin_user, "cp1252")
    assert report.imported
    assert Subscriber.objects.get().name == "Hélène"


def test_an_empty_file_is_refused(audiences, admin_user):
    assert run("", audiences, admin_user).error == "Le fichier est vide."


def test_an_actor_kind_of_the_directory_imports_as_its_family(audiences, admin_user):
    report = run(
        "courriel;publics\n"
        "aci@example.org;aci\n"
        "ea@example.org;Entreprise adaptée (EA)|Mission locale\n",
        audiences,
        admin_user,
    )
    assert report.imported
    aci = Subscriber.objects.get(email="aci@example.org")
    assert {a.key for a in aci.audiences.all()} == {"siae"}
    ea = Subscriber.objects.get(email="ea@example.org")
    assert {a.key for a in ea.audiences.all()} == {"disability", "prescriber"}


def test_a_file_with_the_segments_of_before_the_families_still_imports(audiences, admin_user):
    report = run(
        "courriel;publics\n"
        "acheteur@example.org;buyers\n"
        "siae@example.org;Entreprises et structures d'insertion\n",
        audiences,
        admin_user,
    )
    assert report.imported
    buyer = Subscriber.objects.get(email="acheteur@example.org")
    assert [a.key for a in buyer.audiences.all()] == ["public_buyer"]
    siae = Subscriber.objects.get(email="siae@example.org")
    assert {a.key for a in siae.audiences.all()} == {"company", "siae", "disability", "geiq"}
