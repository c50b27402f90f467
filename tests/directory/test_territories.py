"""The reference data of the Hérault: loaded by `load_territories`, idempotent, and a bad file changes
nothing and says why in French."""

import json

from django.core.management import CommandError, call_command

import pytest

from directory.models import EPCI, Commune

pytestmark = pytest.mark.django_db


def test_load_territories_loads_the_341_communes_and_17_epci_of_the_herault():
    call_command("load_territories", verbosity=0)
    assert Commune.objects.count() == 341
    assert EPCI.objects.count() == 17
    lunel = Commune.objects.get(pk="34145")
    assert lunel.name == "Lunel"
    assert lunel.postal_code_list == ["34400"]
    assert lunel.epci.name == "CA Lunel Agglo"
    assert not Commune.objects.filter(epci=None).exists()


def test_a_merged_commune_is_found_under_its_former_name():
    call_command("load_territories", verbosity=0)
    entre_vignes = Commune.objects.get(pk="34246")
    assert "verargues" in entre_vignes.search_name


def test_load_territories_twice_changes_nothing(capsys):
    call_command("load_territories", verbosity=0)
    call_command("load_territories")
    assert "0 créées, 0 mises à jour" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "n'est pas du JSON valide"),
        ("{}".encode("utf-16"), "UTF-8"),
        (b'{"epci": []}', "liste «\u00a0communes\u00a0»"),
        (
            json.dumps(
                {
                    "epci": [],
                    "communes": [{"code": "34145", "nom": "Lunel", "codes_postaux": ["344"]}],
                }
            ).encode(),
            "codes postaux doivent compter 5 chiffres",
        ),
        (
            json.dumps(
                {
                    "epci": [],
                    "communes": [
                        {
                            "code": "34145",
                            "nom": "Lunel",
                            "codes_postaux": ["34400"],
                            "epci": "200000000",
                            "latitude": 43.6,
                            "longitude": 4.1,
                        }
                    ],
                }
            ).encode(),
            "l'EPCI 200000000 n'est pas dans la liste",
        ),
    ],
)
def test_a_bad_reference_file_is_refused_in_french_and_writes_nothing(tmp_path, content, message):
    path = tmp_path / "ref.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("load_territories", file=str(path), verbosity=0)
    assert Commune.objects.count() == 0


def test_a_missing_reference_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="n'existe pas"):
        call_command("load_territories", file=str(tmp_path / "absent.json"), verbosity=0)
