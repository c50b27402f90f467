"""The newsletter's demo content, run last by `manage.py load_demo_content` (core.demo): the archive
page under the French home page, three issues, the audiences and a few subscribers with
example.org addresses. Idempotent: pages are looked up by slug, subscribers by address.

The archive is translated into English through wagtail-localize like home's pages; the issues are
in French only."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from wagtail.models import Locale

from core.demo import DemoBuilder
from core.factories import call_to_action, heading, key_figure, key_figures, link, paragraph
from core.translation import translate_page

from ..factories import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
    digest,
)
from ..models import Audience, NewsletterIndexPage, NewsletterPage

PARIS = ZoneInfo("Europe/Paris")

ISSUES = [
    {
        "slug": "lettre-janvier-2026",
        "title": "Lettre n° 1 — janvier 2026 : l'échéance du 22 août 2026 approche",
        "date": datetime(2026, 1, 20, 9, 0, tzinfo=PARIS),
        "preheader": "Loi Climat et résilience : ce qui change pour vos marchés cette année.",
        "intro": (
            "À partir du 22 août 2026, tout marché d'un montant supérieur aux seuils européens "
            "devra comporter une condition d'exécution sociale ou liée à l'emploi. Voici comment "
            "vous y préparer avec la mission."
        ),
        "audiences": ["public_buyer", "facilitator", "network"],
        "body": lambda: [
            heading("Ce que dit la loi"),
            paragraph(
                "<p>L'article 35 de la loi n° 2021-1104 du 22 août 2021, dite Climat et résilience, "
                "modifie le Code de la commande publique : au-dessus des seuils européens, les "
                "conditions d'exécution devront prendre en compte des considérations sociales ou "
                "relatives à l'emploi. Les exceptions devront être justifiées.</p>"
            ),
            heading("Ce que la mission vous propose"),
            paragraph(
                "<p>Les facilitateurs du réseau héraultais vous aident à repérer les marchés qui se "
                "prêtent à une clause d'insertion, à rédiger la clause et à suivre son exécution. "
                "Une réunion d'information pour les acheteurs publics se tiendra à Montpellier au "
                "printemps.</p>"
            ),
            call_to_action(
                "Un marché à préparer ?",
                "Écrivez-nous : un facilitateur vous rappelle sous une semaine.",
                link(url="https://www.clausesociale34.fr/contact/", label="Contacter la mission"),
            ),
            digest("Sur le site de la mission"),
        ],
    },
    {
        "slug": "lettre-mars-2026",
        "title": "Lettre n° 2 — mars 2026 : les marchés réservés, mode d'emploi",
        "date": datetime(2026, 3, 17, 9, 0, tzinfo=PARIS),
        "preheader": "SIAE, EA, ESAT : réserver un marché ou un lot, quand et comment.",
        "intro": (
            "Le Code de la commande publique permet de réserver des marchés ou des lots aux "
            "structures d'insertion et aux entreprises adaptées. Trois articles à connaître."
        ),
        "audiences": ["public_buyer", "siae", "disability", "company"],
        "body": lambda: [
            heading("Trois possibilités de réservation"),
            paragraph(
                "<ul><li>L2113-12 : marchés réservés aux entreprises adaptées (EA) et aux ESAT, qui "
                "emploient au moins 50 % de travailleurs handicapés.</li>"
                "<li>L2113-13 : marchés réservés aux structures d'insertion par l'activité "
                "économique (SIAE) et structures équivalentes.</li>"
                "<li>L2113-14 : réservation aux deux à la fois, depuis la loi ASAP de 2020.</li></ul>"
            ),
            paragraph(
                "<p>La réservation se décide lot par lot ; elle s'annonce dans l'avis de marché. "
                "La mission tient à jour la liste des structures du département susceptibles de "
                "répondre.</p>"
            ),
            digest("Guides à lire ou relire", source="resources:kind=guide", count=2),
        ],
    },
    {
        "slug": "lettre-mai-2026",
        "title": "Lettre n° 3 — mai 2026 : les chiffres de l'observatoire",
        "date": datetime(2026, 5, 12, 9, 0, tzinfo=PARIS),
        "preheader": "Heures d'insertion, marchés, participants : le bilan départemental.",
        "intro": (
            "Neuf facilitateurs alimentent l'observatoire départemental des clauses sociales. "
            "Quelques repères pour situer l'action du réseau."
        ),
        "audiences": ["all"],
        "body": lambda: [
            key_figures(
                [
                    key_figure("370 000", "heures d'insertion réalisées en 2017", "MICS 34"),
                    key_figure("58 %", "des heures dans le bâtiment et les travaux publics"),
                    key_figure("10,3 %", "taux de chômage de l'Hérault en 2023", "INSEE"),
                ],
                title="Repères",
            ),
            paragraph(
                "<p>En 2018, seuls 10 % environ des marchés publics comportaient une clause "
                "sociale. Le plan national pour des achats durables fixait un objectif de 30 % "
                "en 2025.</p>"
            ),
            digest("Dernières publications du centre de ressources", source="resources"),
        ],
    },
]

# The archive in English (/en/newsletter/): the issues themselves are written in French only.
ARCHIVE_EN = {
    "title": "The newsletter",
    "slug": "newsletter",
    "intro": "The mission's newsletters, newest first (in French).",
}

SUBSCRIBERS = [
    ("acheteuse.demo@example.org", "Claire Acheteuse", "Ville de Montpellier", ["public_buyer"]),
    ("facilitateur.demo@example.org", "Yanis Facilitateur", "PLIE de Béziers", ["facilitator"]),
    ("siae.demo@example.org", "", "Atelier d'insertion du Lodévois", ["siae"]),
    ("veille.demo@example.org", "Louise Veille", "", ["all"]),
]


def load_newsletter_demo(home, user=None):
    """Create or update the newsletter's demo content under the French home page `home`."""
    audiences = {a.key: a for a in Audience.ensure_defaults()}
    fr = Locale.objects.get(language_code="fr")
    index = NewsletterIndexPage.objects.child_of(home).filter(locale=fr).first()
    if index is None:
        index = NewsletterIndexPageFactory(parent=home, locale=fr)
        index.save_revision(user=user).publish(user=user)
    en = Locale.objects.filter(language_code="en").first()
    if en is not None and home.get_translation_or_none(en) is not None:
        translate_page(index, ARCHIVE_EN, en, user)
    for spec in ISSUES:
        page = NewsletterPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if page is not None:
            continue
        page = NewsletterPageFactory(
            parent=index,
            locale=fr,
            slug=spec["slug"],
            title=spec["title"],
            preheader=spec["preheader"],
            intro=spec["intro"],
            body=spec["body"](),
        )
        page.audiences.set([audiences[k] for k in spec["audiences"]])
        page.save_revision(user=user).publish(user=user)
        NewsletterPage.objects.filter(pk=page.pk).update(
            first_published_at=spec["date"], last_published_at=spec["date"]
        )
    for email, name, organisation, keys in SUBSCRIBERS:
        SubscriberFactory(
            email=email,
            name=name,
            organisation=organisation,
            territory="Hérault",
            audiences=[audiences[k] for k in keys],
        )
    return index


class NewsletterDemo(DemoBuilder):
    def build(self, demo):
        with transaction.atomic():
            load_newsletter_demo(demo.refs.pages["home"], demo.admin)
