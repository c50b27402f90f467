"""The public site's demo content: the French pages from the MICS 34 brochure (texts in `data/`),
their English translations through wagtail-localize, the menus, the contact settings, the document
and the illustration they show. Run by `manage.py load_demo_content` (core.demo)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from core.demo import DemoBuilder, DemoError, References, english, french
from core.factories import DocumentFactory, ImageFactory, paragraph, pdf_bytes
from core.sections import main_menu_keys
from core.translation import apply_values, translate_page
from home.factories import ContactPageFactory, ContentPageFactory, HomePageFactory
from home.models import (
    ContactPage,
    ContactSettings,
    ContentPage,
    FooterItem,
    HomePage,
    MainMenuItem,
    NavigationSettings,
)

from . import data


def served_address():
    """(hostname, port) of settings.WAGTAILADMIN_BASE_URL, the address the site is served on."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname or "localhost", address.port or default_port


WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
MODELS = {
    "ContentPage": (ContentPage, ContentPageFactory),
    "ContactPage": (ContactPage, ContactPageFactory),
}


class HomeDemo(DemoBuilder):
    """The home page (key "home") and the site's pages (keys of `data.PAGES`)."""

    def prepare(self, demo):
        self.build_media(demo)
        # Every page exists before any content is written, since pages point to one another;
        # a new page starts as an unpublished draft that build() fills in and publishes.
        home = demo.refs.pages["home"] = self.ensure_home(demo)
        for key, (model_name, build) in data.PAGES.items():
            demo.refs.pages[key] = self.ensure_child(demo, home, MODELS[model_name], build)

    def build(self, demo):
        with transaction.atomic():
            for key, build in self.builders().items():
                page = demo.refs.pages[key]
                page.refresh_from_db()
                if apply_values(page, build(french, demo.refs)) or not page.live:
                    demo.publish(page)
                    if page.title not in demo.report["created"]:
                        demo.report["updated"].append(page.title)
            site = self.configure_site(demo.refs.pages["home"])
            self.remove_wagtail_welcome_page()
            self.configure_settings(demo, site)
        for key in ["home", *data.PAGES]:
            with transaction.atomic():
                self.translate(demo, key)

    def builders(self):
        return {"home": data.home_page} | {
            key: build for key, (_model, build) in data.PAGES.items()
        }

    def build_media(self, demo):
        Document = get_document_model()
        spec = data.DOCUMENT
        document = Document.objects.filter(title=spec["title"]).first()
        if document is None:
            document = DocumentFactory(
                title=spec["title"],
                file__filename=spec["filename"],
                file__data=pdf_bytes(spec["title"], spec["lines"]),
                uploaded_by_user=demo.admin,
            )
            document.get_file_size()
            document.get_file_hash()
        demo.refs.documents[spec["key"]] = document

        Image = get_image_model()
        spec = data.IMAGE
        image = Image.objects.filter(title=spec["title"]).first()
        if image is None:
            image = ImageFactory(
                title=spec["title"],
                description=spec["description"],
                file=ContentFile(data.illustration_png(), name=spec["filename"]),
                uploaded_by_user=demo.admin,
            )
            image.get_file_size()
            image.get_file_hash()
        demo.refs.images[spec["key"]] = image

    def ensure_home(self, demo):
        site = Site.objects.filter(is_default_site=True).first()
        root_page = site.root_page.specific if site else None
        if isinstance(root_page, HomePage) and root_page.locale_id == demo.fr.pk:
            return root_page
        home = HomePage.objects.filter(locale=demo.fr, depth=2).first()
        if home is not None:
            return home
        values = data.home_page(french, References(strict=False))
        home = HomePageFactory(
            parent=Page.get_first_root_node(),
            locale=demo.fr,
            live=False,
            title=values["title"],
            slug=values["slug"],
            hero_title=values["hero_title"],
            hero_text=values["hero_text"],
            body=[],
        )
        demo.report["created"].append(home.title)
        return home

    def ensure_child(self, demo, parent, model_and_factory, build):
        model, factory = model_and_factory
        values = build(french, References(strict=False))
        page = model.objects.child_of(parent).filter(locale=demo.fr, slug=values["slug"]).first()
        if page is not None:
            return page
        if Page.objects.child_of(parent).filter(slug=values["slug"]).exists():
            raise DemoError(
                f"La page « {values['slug']} » existe déjà sous l'accueil avec un autre type que "
                f"{model.__name__} : renommez-la ou supprimez-la, puis relancez la commande."
            )
        draft = {"title": values["title"], "slug": values["slug"], "live": False}
        if model is ContactPage:
            draft["form_fields"] = []
        else:
            draft["body"] = [paragraph(f"<p>{values['intro']}</p>")]
        page = factory(parent=parent, locale=demo.fr, **draft)
        demo.report["created"].append(page.title)
        return page

    def configure_site(self, home):
        """The default site, rooted at the demo's home page, at the address the site is served on
        (WAGTAILADMIN_BASE_URL, which `make run PORT=...` sets): the canonical tags, the sitemap
        and the emails' links then name that address, not http://localhost/."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True)
        hostname, port = served_address()
        wanted = {
            "root_page_id": home.pk,
            "site_name": data.SITE_NAME,
            "hostname": hostname,
            "port": port,
        }
        if any(getattr(site, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(site, field, value)
            site.save()
        return site

    def remove_wagtail_welcome_page(self):
        welcome = (
            Page.objects.filter(
                depth=2,
                title=WAGTAIL_WELCOME_TITLE,
                content_type=ContentType.objects.get_for_model(Page),
            )
            .exclude(sites_rooted_here__isnull=False)
            .first()
        )
        if welcome is not None and not welcome.get_children().exists():
            welcome.delete()

    def configure_settings(self, demo, site):
        navigation = NavigationSettings.for_site(site)
        changed = False
        for relation, item_model, keys in (
            ("main_menu_items", MainMenuItem, main_menu_keys(data.MAIN_MENU, demo.refs.pages)),
            ("footer_items", FooterItem, data.FOOTER_MENU),
        ):
            wanted = [demo.refs.pages[key].pk for key in keys]
            if [item.page_id for item in getattr(navigation, relation).all()] != wanted:
                setattr(
                    navigation,
                    relation,
                    [item_model(page_id=pk, sort_order=index) for index, pk in enumerate(wanted)],
                )
                changed = True
        if changed:
            navigation.save()

        contact = ContactSettings.load()
        if any(getattr(contact, name) != value for name, value in data.CONTACT_SETTINGS.items()):
            for name, value in data.CONTACT_SETTINGS.items():
                setattr(contact, name, value)
            contact.save()

    def translate(self, demo, key):
        """Publish the English page as a wagtail-localize translation of the French one."""
        page = demo.refs.pages[key]
        english_data = self.builders()[key](english, demo.refs)
        if translate_page(page, english_data, demo.en, demo.admin):
            demo.report["translated"].append(page.title)
