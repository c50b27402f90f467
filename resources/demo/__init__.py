"""The demo hub: taxonomies (French, with English translations), 42 resources, PDFs generated on the
fly, and the hub and its resources in English as wagtail-localize translations (texts in `data/`).
Run by `manage.py load_demo_content` (core.demo) after the home page's builder; idempotent (looked up
by slug, republished only when something differs)."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Locale

from modelsearch.utils import normalise_query_string

from core.demo import DemoBuilder
from core.factories import DocumentFactory, paragraph, pdf_bytes
from core.translation import translate_page

from ..factories import ResourceIndexPageFactory, ResourcePageFactory
from ..models import (
    Audience,
    LegalReference,
    ResourceAttachment,
    ResourceIndexPage,
    ResourcePage,
    Theme,
)
from .data import AUDIENCES, LEGAL_REFERENCES, RESOURCES, THEMES
from .data import en as demo_data_en

PARIS = ZoneInfo("Europe/Paris")

HUB = {
    "title": "Centre de ressources",
    "slug": "ressources",
    "intro": (
        "Veille juridique et documentaire, guides et clauses types : tout ce que la mission publie "
        "pour aider les acheteurs publics à insérer des clauses sociales dans leurs marchés."
    ),
}


def ensure_hub(home, user=None):
    """The hub page under `home`, created and published when missing."""
    hub = ResourceIndexPage.objects.child_of(home).filter(slug=HUB["slug"]).first()
    if hub is None:
        hub = ResourceIndexPageFactory(parent=home, locale=home.locale, **HUB)
        hub.save_revision(user=user).publish(user=user)
        hub.refresh_from_db()
    return hub


def _taxonomy(model, entries, fr, en):
    items = {}
    for entry in entries:
        slug, name = entry[0], entry[1]
        item = model.objects.filter(slug=slug, locale=fr).first()
        if item is None:
            item = model(slug=slug, name=name, locale=fr)
        item.name = name
        if model is LegalReference:
            item.url = entry[2]
        item.save()
        english_name = (
            entry[2]
            if model is not LegalReference
            else demo_data_en.LEGAL_REFERENCE_NAMES.get(slug, name)
        )
        translation = item.get_translation_or_none(en)
        if translation is None:
            translation = item.copy_for_translation(en)
        translation.name = english_name
        translation.save()
        items[slug] = item
    return items


def _document(spec_title, lines, slug, user):
    """The resource's PDF, titled like the resource: the pages add "(PDF, 12 Ko)" themselves (a
    title ending in "(PDF)", as the demo once wrote, read "(PDF) (PDF, 12 Ko)")."""
    Document = get_document_model()
    document = Document.objects.filter(title__in=[spec_title, f"{spec_title} (PDF)"]).first()
    if document is not None and document.title != spec_title:
        document.title = spec_title
        document.save(update_fields=["title"])
    if document is None:
        document = DocumentFactory(
            title=spec_title,
            file=ContentFile(pdf_bytes(spec_title, lines), name=f"{slug}.pdf"),
            uploaded_by_user=user,
        )
        document.get_file_size()
        document.get_file_hash()
    return document


def load_demo_resources(home, user=None):
    """Build the demo hub under `home`; return it with the numbers of resources created and of
    resources updated."""
    fr = home.locale
    en, _ = Locale.objects.get_or_create(language_code="en")
    hub = ensure_hub(home, user)
    themes = _taxonomy(Theme, THEMES, fr, en)
    audiences = _taxonomy(Audience, AUDIENCES, fr, en)
    references = _taxonomy(LegalReference, LEGAL_REFERENCES, fr, en)
    created_count = updated_count = 0
    for (
        slug,
        kind,
        date,
        title,
        summary,
        paragraphs,
        theme_slugs,
        audience_slugs,
        ref_slugs,
        source,
        pdf_lines,
    ) in RESOURCES:
        wanted = {
            "title": title,
            "kind": kind,
            "date": date,
            "summary": summary,
            "source_label": source[0] if source else "",
            "source_url": source[1] if source else "",
        }
        body = [paragraph(f"<p>{text}</p>") for text in paragraphs]
        page = ResourcePage.objects.child_of(hub).filter(slug=slug).first()
        created = page is None
        if created:
            page = ResourcePageFactory(
                parent=hub, slug=slug, locale=fr, live=False, body=body, **wanted
            )
        relations = {
            "themes": [themes[s] for s in theme_slugs],
            "audiences": [audiences[s] for s in audience_slugs],
            "legal_references": [references[s] for s in ref_slugs],
        }
        dirty = created or any(getattr(page, name) != value for name, value in wanted.items())
        for name, value in wanted.items():
            setattr(page, name, value)
        for name, items in relations.items():
            if {i.pk for i in getattr(page, name).all()} != {i.pk for i in items}:
                getattr(page, name).set(items)
                dirty = True
        if pdf_lines:
            document = _document(title, pdf_lines, slug, user)
            if [a.document_id for a in page.attachments.all()] != [document.pk]:
                page.attachments = [ResourceAttachment(document=document, sort_order=0)]
                dirty = True
        if dirty or not page.live:
            if not created:
                page.body = body
            page.save_revision(user=user).publish(user=user)
            if created:
                created_count += 1
            else:
                updated_count += 1
    date_publications(hub)
    return hub, created_count, updated_count


def date_publications(hub):
    """Date each demo resource's first publication on the hub (French and English) at 9:00 on its
    own date, as if the mission had published it that day: the hub's "latest" lists, the home page
    and the newsletter issues' digests then follow the dates a visitor reads."""
    french = ResourcePage.objects.child_of(hub).filter(slug__in=[spec[0] for spec in RESOURCES])
    keys = french.values("translation_key")
    for resource in ResourcePage.objects.filter(translation_key__in=keys):
        published = datetime.combine(resource.date, time(9, 0), tzinfo=PARIS)
        if resource.first_published_at != published:
            ResourcePage.objects.filter(pk=resource.pk).update(first_published_at=published)


def english_values(resource):
    """The English texts of a demo resource, as `core.translation.translate_page` takes them."""
    data = demo_data_en.RESOURCES[resource.slug]
    values = {
        "title": data["title"],
        "summary": data["summary"],
        "body": [paragraph(f"<p>{text}</p>") for text in data["paragraphs"]],
    }
    if resource.source_label:
        values["source_label"] = demo_data_en.SOURCE_LABELS[resource.source_label]
    return values


def translate_demo_hub(hub, user=None):
    """Publish the hub in English as a wagtail-localize translation of the French one (the English
    home page must exist); return [its French title] when it was translated anew, else []."""
    en, _ = Locale.objects.get_or_create(language_code="en")
    return [hub.title] if translate_page(hub, demo_data_en.HUB, en, user) else []


def translate_demo_resources(hub, user=None):
    """Publish the demo resources in English, each as a wagtail-localize translation of the French
    page, under the English hub (`translate_demo_hub` first); return the French titles of the
    pages translated anew (none when the English pages are up to date)."""
    en, _ = Locale.objects.get_or_create(language_code="en")
    translated = []
    resources = ResourcePage.objects.child_of(hub).filter(
        locale=hub.locale, slug__in=demo_data_en.RESOURCES
    )
    for resource in resources.order_by("path"):
        if translate_page(resource, english_values(resource), en, user):
            translated.append(resource.title)
    date_publications(hub)
    return translated


# Editors' picks of the demo: (words, resource slug, description), per language of the hub.
PROMOTIONS = {
    "fr": [
        (
            "marché réservé",
            "guide-marches-reserves",
            "Le guide de la mission : réserver au handicap, à l'insertion ou aux deux.",
        ),
        (
            "clause d'insertion",
            "guide-rediger-clause-insertion",
            "Rédiger la clause pas à pas, avec un exemple chiffré.",
        ),
    ],
    "en": [
        (
            "reserved contract",
            "guide-marches-reserves",
            "The mission's guide: reserving for disability, work integration or both.",
        ),
    ],
}


def load_demo_promotions(hub):
    """The demo's editors' picks (Wagtail's search promotions) on the French and English hubs;
    returns the number created."""
    created = 0
    for language, picks in PROMOTIONS.items():
        localized = hub.get_translation_or_none(Locale.objects.get(language_code=language))
        if localized is None:
            continue
        for words, slug, description in picks:
            page = ResourcePage.objects.child_of(localized).filter(slug=slug).first()
            if page is None:
                continue
            query, _ = Query.objects.get_or_create(query_string=normalise_query_string(words))
            _pick, new = SearchPromotion.objects.get_or_create(
                query=query, page=page, defaults={"description": description, "sort_order": 0}
            )
            created += new
    return created


class ResourcesDemo(DemoBuilder):
    """The hub (key "resources", under the home page: the home page's cards link to it), its
    taxonomies and resources, their English translations and the editors' picks."""

    def prepare(self, demo):
        demo.refs.pages["resources"] = ensure_hub(demo.refs.pages["home"], demo.admin)

    def build(self, demo):
        with transaction.atomic():
            hub, created, updated = load_demo_resources(demo.refs.pages["home"], demo.admin)
        if created:
            demo.report["created"].append(f"{created} ressources")
        if updated:
            demo.report["updated"].append(f"{updated} ressources")
        # The English hub first, in a transaction of its own: its slug differs from the French
        # one, and Wagtail's redirects app, on commit, adds a redirect for each page then below it.
        with transaction.atomic():
            translated = translate_demo_hub(hub, demo.admin)
        with transaction.atomic():
            translated += translate_demo_resources(hub, demo.admin)
        if translated:
            demo.report["translated"].append(
                f"{len(translated)} pages du centre de ressources ({translated[0]}…)"
            )
        with transaction.atomic():
            promoted = load_demo_promotions(hub)
        if promoted:
            demo.report["created"].append(f"{promoted} résultats de recherche mis en avant")
