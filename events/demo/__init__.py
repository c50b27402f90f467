"""The demo agenda: the agenda page under the home page, seven events of the mission (a technical
meeting of the facilitators, an information meeting for buyers, a promotion day, a webinar, a
past coordination meeting with its minutes, and two meetings reserved to the network: a monthly
technical call and the half-year coordination), in French and, through wagtail-localize, in
English. Idempotent: pages are looked up by slug and republished only when something differs."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from dateutil import rrule

from core.demo import DemoBuilder
from core.factories import DocumentFactory, pdf_bytes
from core.network import NETWORK
from core.translation import apply_values, translate_page
from newsletter import subscriptions

from ..factories import AgendaPageFactory, EventPageFactory
from ..models import AgendaPage, EventDocument, EventPage
from ..models.recurrence import DATEUTIL_WEEKDAYS
from .data import AGENDA, EVENTS, body

MINUTES_TITLE = "Compte rendu de la réunion de coordination des facilitateurs"


def first_of_month(today=None):
    today = today or datetime.date.today()
    return today.replace(day=1)


def weekday_on_or_after(day):
    """The first day from `day` that is a Tuesday, Wednesday or Thursday (meetings' days)."""
    while day.weekday() not in (1, 2, 3):
        day += datetime.timedelta(days=1)
    return day


def ensure_agenda(home, user=None):
    agenda = AgendaPage.objects.child_of(home).filter(slug=AGENDA["fr"]["slug"]).first()
    if agenda is None:
        agenda = AgendaPageFactory(parent=home, locale=home.locale, **AGENDA["fr"])
        agenda.save_revision(user=user).publish(user=user)
        agenda.refresh_from_db()
    return agenda


def _minutes(user):
    Document = get_document_model()
    document = Document.objects.filter(title=MINUTES_TITLE).first()
    if document is None:
        document = DocumentFactory(
            title=MINUTES_TITLE,
            file=ContentFile(
                pdf_bytes(
                    MINUTES_TITLE,
                    [
                        "Présents : les facilitateurs de huit territoires de l'Hérault.",
                        "Marchés de l'État : un référent par marché multi-territorial.",
                        "Observatoire : les heures d'insertion de l'année avant le 31 janvier.",
                    ],
                ),
                name="compte-rendu-coordination.pdf",
            ),
            uploaded_by_user=user,
        )
    return document


def event_fields(fields, texts, start):
    """The French page's fields from the data."""
    fields = dict(fields)
    day = weekday_on_or_after(start + datetime.timedelta(days=fields.pop("day")))
    values = {
        "title": texts["title"],
        "summary": texts["summary"],
        "start_date": day,
        "start_time": datetime.time(*fields.pop("start_time")) if "start_time" in fields else None,
        "end_time": datetime.time(*fields.pop("end_time")) if "end_time" in fields else None,
        "access_info": fields.pop("access_info_fr", ""),
        "accessibility_info": fields.pop("accessibility_info_fr", ""),
    }
    fields.pop("access_info_en", None)
    fields.pop("accessibility_info_en", None)
    fields.pop("audiences")
    fields.pop("network_only", None)
    values.update(fields)
    if values.get("repeat_week_of_month"):
        values["start_date"] = first_rule_date(day, values)
    return values


def first_rule_date(day, values):
    """The first date from the month of `day` that a monthly "nth weekday" rule gives."""
    weekday = DATEUTIL_WEEKDAYS[values["repeat_weekdays"]](values["repeat_week_of_month"])
    start = datetime.datetime.combine(day.replace(day=1), datetime.time(0))
    return rrule.rrule(rrule.MONTHLY, byweekday=weekday, dtstart=start)[0].date()


def reserve_to_network(page):
    """Put `page` behind Wagtail's page privacy by the group core.network.NETWORK (once)."""
    if PageViewRestriction.objects.filter(page=page, groups__name=NETWORK).exists():
        return False
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=NETWORK))
    return True


def network_only_slugs():
    """The French slugs of the demo's meetings reserved to the network."""
    return [slug for slug, (fields, _fr, _en) in EVENTS.items() if fields.get("network_only")]


def load_demo_events(agenda, user=None, today=None):
    """Create or update the French events; returns how many were (re)published."""
    start = first_of_month(today)
    changed = 0
    for slug, (fields, texts, _english) in EVENTS.items():
        wanted = event_fields(fields, texts, start)
        page = EventPage.objects.child_of(agenda).filter(slug=slug).first()
        created = page is None
        if created:
            page = EventPageFactory.build(slug=slug, body=body(texts["body"]), **wanted)
            agenda.add_child(instance=page)
            dirty = True
        else:
            dirty = apply_values(page, {**wanted, "body": body(texts["body"])})
        audiences = list(subscriptions.Audience.objects.filter(key__in=fields["audiences"]))
        if {a.pk for a in page.audiences.all()} != {a.pk for a in audiences}:
            page.audiences = audiences
            dirty = True
        if slug == "reunion-coordination-facilitateurs":
            document = _minutes(user)
            if [d.document_id for d in page.documents.all()] != [document.pk]:
                page.documents = [EventDocument(document=document, sort_order=0)]
                dirty = True
        if dirty or not page.live:
            page.save_revision(user=user).publish(user=user)
            changed += 1
        if fields.get("network_only") and reserve_to_network(page):
            changed += 1
    return changed


# The English pages' own addresses (/en/events/<English slug>/), in ASCII like every slug.
ENGLISH_SLUGS = {
    "reunion-technique-facilitateurs": "facilitators-technical-meeting",
    "reunion-information-acheteurs-beziers": "public-buyers-information-meeting-beziers",
    "rencontre-achat-socialement-responsable": "socially-responsible-purchasing-conference",
    "webinaire-marches-reserves": "reserved-contracts-webinar",
    "reunion-coordination-facilitateurs": "facilitators-coordination-meeting",
    "reunion-technique-mensuelle-reseau": "network-monthly-technical-call",
    "coordination-reseau-semestrielle": "network-half-year-coordination",
}


def english_values(page):
    fields, _texts, texts = EVENTS[page.slug]
    values = {
        "title": texts["title"],
        "slug": ENGLISH_SLUGS[page.slug],
        "summary": texts["summary"],
        "body": body(texts["body"]),
    }
    if fields.get("access_info_en"):
        values["access_info"] = fields["access_info_en"]
    if fields.get("accessibility_info_en"):
        values["accessibility_info"] = fields["accessibility_info_en"]
    return values


class EventsDemo(DemoBuilder):
    """The agenda (key "agenda", under the home page) and its events, in French and English."""

    def prepare(self, demo):
        demo.refs.pages["agenda"] = ensure_agenda(demo.refs.pages["home"], demo.admin)

    def build(self, demo):
        agenda = demo.refs.pages["agenda"]
        first_run = not EventPage.objects.child_of(agenda).exists()
        with transaction.atomic():
            changed = load_demo_events(agenda, demo.admin)
        if changed:
            demo.report["created" if first_run else "updated"].append(
                f"{changed} événements de l'agenda"
            )
        with transaction.atomic():
            translated = translate_page(agenda, AGENDA["en"], demo.en, demo.admin)
        with transaction.atomic():
            for page in EventPage.objects.child_of(agenda).filter(slug__in=EVENTS).order_by("path"):
                translated = (
                    translate_page(page, english_values(page), demo.en, demo.admin) or translated
                )
            # Wagtail copies the privacy into a translation it creates; one made before the French
            # page was reserved keeps none: set it on the translation too.
            for page in EventPage.objects.child_of(agenda).filter(slug__in=network_only_slugs()):
                english = page.get_translation_or_none(demo.en)
                if english is not None:
                    reserve_to_network(english)
        if translated:
            demo.report["translated"].append("l'agenda et ses événements")
