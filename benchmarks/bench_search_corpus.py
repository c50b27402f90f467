"""The generated corpus of the search benchmark (benchmarks/bench_search.py): 50,000 French resources
written with bulk inserts, 5,000 of them with the text of a PDF, and their search index built with the
backend's bulk API. Domain words are as rare in the text as in real notes: the rest is made-up words."""

import json
import random
import time
import uuid

WORDS = [
    "marché",
    "public",
    "clause",
    "sociale",
    "insertion",
    "professionnelle",
    "acheteur",
    "entreprise",
    "heures",
    "chantier",
    "bâtiment",
    "travaux",
    "réservé",
    "handicap",
    "structure",
    "adaptée",
    "ESAT",
    "SIAE",
    "facilitateur",
    "critère",
    "attribution",
    "condition",
    "exécution",
    "emploi",
    "demandeurs",
    "durée",
    "longue",
    "jeunes",
    "formation",
    "qualification",
    "contrat",
    "apprentissage",
    "observatoire",
    "bilan",
    "département",
    "Hérault",
    "commune",
    "région",
    "hôpital",
    "bailleur",
    "social",
    "nettoyage",
    "espaces",
    "verts",
    "restauration",
    "collective",
    "propreté",
    "numérique",
    "accompagnement",
    "parcours",
    "suivi",
    "pénalité",
    "engagement",
    "offre",
    "candidat",
    "lot",
    "allotissement",
    "sourcing",
    "plan",
    "achats",
    "durables",
    "schéma",
    "promotion",
    "responsable",
    "obligation",
    "seuils",
    "européens",
    "directive",
    "code",
    "commande",
]
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "ce",
    "ci",
    "co",
    "da",
    "de",
    "di",
    "do",
    "fa",
    "fe",
    "fi",
    "la",
    "le",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "pa",
    "pe",
    "pi",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
]


def filler_words(rng, count=4000):
    """Made-up words, so that the domain's words are as rare in the text as in real notes."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)]


FILLER = filler_words(random.Random(1))


def sentence(rng, length):
    words = (rng.choice(WORDS) if rng.random() < 0.2 else rng.choice(FILLER) for _ in range(length))
    return " ".join(words).capitalize() + "."


def build(count, with_text, rng):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.documents import get_document_model
    from wagtail.models import Locale, Page, Site

    from resources.demo.data import AUDIENCES, LEGAL_REFERENCES, THEMES
    from resources.factories import ResourceIndexPageFactory
    from resources.models import (
        Audience,
        DocumentText,
        LegalReference,
        ResourceAttachment,
        ResourceKind,
        ResourcePage,
        Theme,
    )

    call_command("migrate", verbosity=0)
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    hub = ResourceIndexPageFactory(parent=home, locale=fr)
    themes = [Theme.objects.create(slug=s, name=n, locale=fr) for s, n, _en in THEMES]
    audiences = [Audience.objects.create(slug=s, name=n, locale=fr) for s, n, _en in AUDIENCES]
    references = [
        LegalReference.objects.create(slug=s, name=n, url=u, locale=fr)
        for s, n, u in LEGAL_REFERENCES
    ]
    content_type = ContentType.objects.get_for_model(ResourcePage)
    kinds = ResourceKind.values
    now = timezone.now()
    start = time.perf_counter()
    batch = 2000
    with transaction.atomic():
        for first in range(0, count, batch):
            pages = []
            for number in range(first, min(first + batch, count)):
                title = sentence(rng, 7)[:-1]
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=f"ressource-{number}",
                        path=hub.path + _step(number + 1),
                        depth=hub.depth + 1,
                        numchild=0,
                        url_path=f"{hub.url_path}ressource-{number}/",
                        live=True,
                        has_unpublished_changes=False,
                        content_type=content_type,
                        locale=fr,
                        translation_key=uuid.uuid4(),
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            rows = []
            for page in pages:
                year = rng.randint(2019, 2026)
                body = json.dumps(
                    [
                        {
                            "type": "paragraph",
                            "value": "<p>" + " ".join(sentence(rng, 14) for _ in range(6)) + "</p>",
                            "id": str(uuid.uuid4()),
                        }
                    ]
                )
                rows.append(
                    (
                        page.pk,
                        rng.choice(kinds),
                        f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        year,
                        sentence(rng, 25),
                        body,
                        "",
                        "",
                    )
                )
            table = ResourcePage._meta.db_table
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {table} (page_ptr_id, kind, date, year, summary, body, "
                    "source_url, source_label) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                    rows,
                )
            for relation, items, how_many in (
                ("themes", themes, 2),
                ("audiences", audiences, 2),
                ("legal_references", references, 1),
            ):
                through = getattr(ResourcePage, relation).through
                column = f"{items[0]._meta.model_name}_id"
                through.objects.bulk_create(
                    [
                        through(resourcepage_id=page.pk, **{column: item.pk})
                        for page in pages
                        for item in rng.sample(items, how_many)
                    ]
                )
        Page.objects.filter(pk=hub.pk).update(numchild=count)
        page_ids = list(
            ResourcePage.objects.order_by("pk").values_list("pk", flat=True)[:with_text]
        )
        Document = get_document_model()
        documents = Document.objects.bulk_create(
            [Document(title=f"Document {n}", file=f"documents/bench-{n}.pdf") for n in page_ids]
        )
        DocumentText.objects.bulk_create(
            [
                DocumentText(
                    document=document,
                    status="ok",
                    text=" ".join(sentence(rng, 16) for _ in range(40)),
                    extracted_at=now,
                )
                for document in documents
            ]
        )
        ResourceAttachment.objects.bulk_create(
            [
                ResourceAttachment(page_id=page_id, document=document, sort_order=0)
                for page_id, document in zip(page_ids, documents, strict=True)
            ]
        )
    generated = time.perf_counter() - start
    return hub, generated


def _step(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text.rjust(4, "0")


def existing_hub(count):
    """The hub a previous run built in this database, when it holds `count` resources."""
    from django.core.management import call_command

    from resources.models import ResourceIndexPage, ResourcePage

    call_command("migrate", verbosity=0)
    hub = ResourceIndexPage.objects.first()
    if hub is None or ResourcePage.objects.child_of(hub).count() != count:
        return None
    return hub


def build_index(chunk=1000):
    from django.db.models import Prefetch

    from wagtail.search.backends import get_search_backend

    from resources.models import ResourceAttachment, ResourcePage

    backend = get_search_backend()
    index = backend.get_index_for_model(ResourcePage)
    start = time.perf_counter()
    ids = list(ResourcePage.objects.order_by("pk").values_list("pk", flat=True))
    for first in range(0, len(ids), chunk):
        pages = list(
            ResourcePage.objects.filter(pk__in=ids[first : first + chunk]).prefetch_related(
                "themes",
                "audiences",
                "legal_references",
                Prefetch(
                    "attachments",
                    queryset=ResourceAttachment.objects.select_related("document__extracted_text"),
                ),
            )
        )
        index.add_items(ResourcePage, pages)
    # Fresh statistics, as a deployment takes after a bulk load (README): without them SQLite runs
    # the full-text match once per index entry (a nested loop), seconds instead of milliseconds.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - start
