"""The detection rules the watch starts with; editors adjust them in the admin afterwards."""

from django.db import migrations

RULES = [
    (
        "Clause sociale d'insertion",
        "condition-execution",
        "tout",
        [
            "clause d'insertion",
            "clause sociale",
            "clauses sociales",
            "action d'insertion",
            "heures d'insertion",
            "insertion professionnelle",
            "personnes eloignees de l'emploi",
            "L2112-2",
        ],
        "Clause sociale d'exécution : l'avis prévoit une action d'insertion ou une clause sociale.",
    ),
    (
        "Critère social d'attribution",
        "critere-attribution",
        "attribution",
        [
            "insertion",
            "critere social",
            "performance sociale",
            "performances en matiere d'insertion",
            "R2152-7",
        ],
        "Critère d'attribution social : l'insertion ou la performance sociale est notée.",
    ),
    (
        "Marché réservé (articles L2113-12 à L2113-14)",
        "marche-reserve",
        "tout",
        [
            "L2113-12",
            "L2113-13",
            "L2113-14",
            "marche reserve",
            "lot reserve",
            "structures d'insertion par l'activite economique",
            "entreprises adaptees",
            "etablissements et services d'aide par le travail",
        ],
        "Marché ou lot réservé aux structures d'insertion, du handicap ou de l'ESS.",
    ),
]


def create_rules(apps, schema_editor):
    DetectionRule = apps.get_model("tenders", "DetectionRule")
    for label, kind, where, words, reason in RULES:
        DetectionRule.objects.get_or_create(
            label=label,
            defaults={"kind": kind, "where": where, "words": "\n".join(words), "reason": reason},
        )


def remove_rules(apps, schema_editor):
    apps.get_model("tenders", "DetectionRule").objects.filter(
        label__in=[rule[0] for rule in RULES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("tenders", "0001_initial")]

    operations = [migrations.RunPython(create_rules, remove_rules)]
