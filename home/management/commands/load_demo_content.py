"""Build the demo site: French pages from the MICS 34 brochure, their English translations through
wagtail-localize, menus, contact settings, and an administrator plus two editor accounts.

Idempotent: pages are looked up by slug and locale and republished only when their content differs
from what the command would write; running it twice gives the same site, and prints the same
credentials.
"""

import copy
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home import demo_content
from home.factories import (
    ContactPageFactory,
    ContentPageFactory,
    DocumentFactory,
    HomePageFactory,
    ImageFactory,
    paragraph,
    pdf_bytes,
)
from home.models import (
    ContactPage,
    ContactSettings,
    ContentPage,
    FooterItem,
    HomePage,
    MainMenuItem,
    NavigationSettings,
)
from home.permissions import configure_editor_groups
from home.translation import apply_values, translate_page
from resources import demo as resources_demo

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
ACCOUNTS_FILE = "demo-admin-password.txt"
MODELS = {
    "ContentPage": (ContentPage, ContentPageFactory),
    "ContactPage": (ContactPage, ContactPageFactory),
}


def french(fr, en):
    return fr


def english(fr, en):
    return en


class References:
    """The pages, document and image the content points to (the French ones). A draft's
    references (`strict=False`) may be missing: only its title, slug and intro are used."""

    def __init__(self, strict=True):
        self.strict = strict
        self.pages = {}
        self.documents = {}
        self.images = {}

    def _get(self, registry, key):
        return registry[key] if self.strict else registry.get(key)

    def page(self, key):
        return self._get(self.pages, key)

    def document(self, key):
        return self._get(self.documents, key)

    def image(self, key):
        # A copy, because an image block stores its alt text on the Image instance itself.
        image = self._get(self.images, key)
        return copy.copy(image) if image is not None else get_image_model()()


class Command(BaseCommand):
    help = (
        "Construit le site de démonstration (pages en français et leur traduction anglaise, menus, "
        "coordonnées, comptes de démonstration). Peut être relancée sans créer de doublons."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.report = {"created": [], "updated": [], "translated": []}
        password = self.demo_password()
        editors, moderators = configure_editor_groups()
        with transaction.atomic():
            self.admin = self.ensure_user(
                "admin",
                "admin@clausesociale34.fr",
                password,
                superuser=True,
                first_name="Administrateur",
            )
            self.ensure_user(
                "redactrice",
                "redactrice@example.org",
                password,
                group=editors,
                first_name="Rédactrice",
                last_name="Démo",
            )
            self.ensure_user(
                "moderateur",
                "moderateur@example.org",
                password,
                group=moderators,
                first_name="Modérateur",
                last_name="Démo",
            )
            self.build_french_site()
        for key in ["home", *demo_content.PAGES]:
            with transaction.atomic():
                self.translate(key)
        with transaction.atomic():
            hub, changed = resources_demo.load_demo_resources(self.refs.pages["home"], self.admin)
        if changed:
            self.report["updated"].append(f"{changed} ressources")
        # The English hub first, in a transaction of its own: its slug differs from the French
        # one, and Wagtail's redirects app, on commit, adds a redirect for each page then below it.
        with transaction.atomic():
            translated = resources_demo.translate_demo_hub(hub, self.admin)
        with transaction.atomic():
            translated += resources_demo.translate_demo_resources(hub, self.admin)
        if translated:
            self.report["translated"].append(
                f"{len(translated)} pages du centre de ressources ({translated[0]}…)"
            )
        with transaction.atomic():
            promoted = resources_demo.load_demo_promotions(hub)
        if promoted:
            self.report["created"].append(f"{promoted} résultats de recherche mis en avant")
        with transaction.atomic():
            from newsletter.demo import load_newsletter_demo

            load_newsletter_demo(self.refs.pages["home"], self.admin)
        self.print_summary(password)

    # --- Accounts ---------------------------------------------------------------------------------

    def demo_password(self):
        """DEMO_ADMIN_PASSWORD, or a password generated once and kept in VAR_DIR."""
        if os.environ.get("DEMO_ADMIN_PASSWORD"):
            return os.environ["DEMO_ADMIN_PASSWORD"]
        path = settings.VAR_DIR / ACCOUNTS_FILE
        if path.exists():
            stored = path.read_text(encoding="utf-8").strip()
            if stored:
                return stored
        path.parent.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(12)
        path.write_text(password + "\n", encoding="utf-8")
        path.chmod(0o600)
        return password

    def ensure_user(self, username, email, password, superuser=False, group=None, **names):
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": email, **names}
        )
        if created or not user.check_password(password):
            user.set_password(password)
        user.email = user.email or email
        user.is_active = True
        if superuser:
            user.is_superuser = user.is_staff = True
        user.save()
        if group is not None:
            user.groups.add(group)
        return user

    # --- Site -------------------------------------------------------------------------------------

    def build_french_site(self):
        self.fr, _ = Locale.objects.get_or_create(language_code="fr")
        self.en, _ = Locale.objects.get_or_create(language_code="en")
        self.refs = References()
        self.build_media()

        # Every page exists before any content is written, since pages point to one another;
        # a new page starts as an unpublished draft that the next loop fills in and publishes.
        home = self.refs.pages["home"] = self.ensure_home()
        for key, (model_name, build) in demo_content.PAGES.items():
            self.refs.pages[key] = self.ensure_child(home, MODELS[model_name], build)
        # The resource hub exists before the home page's content, whose cards link to it; its
        # resources are loaded at the end (see handle()).
        self.refs.pages["resources"] = resources_demo.ensure_hub(home, self.admin)

        for key, build in self.builders().items():
            page = self.refs.pages[key]
            page.refresh_from_db()
            if apply_values(page, build(french, self.refs)) or not page.live:
                self.publish(page)
                if page.title not in self.report["created"]:
                    self.report["updated"].append(page.title)

        site = self.configure_site(home)
        self.remove_wagtail_welcome_page()
        self.configure_settings(site)

    def builders(self):
        return {"home": demo_content.home_page} | {
            key: build for key, (_model, build) in demo_content.PAGES.items()
        }

    def build_media(self):
        Document = get_document_model()
        spec = demo_content.DOCUMENT
        document = Document.objects.filter(title=spec["title"]).first()
        if document is None:
            document = DocumentFactory(
                title=spec["title"],
                file__filename=spec["filename"],
                file__data=pdf_bytes(spec["title"], spec["lines"]),
                uploaded_by_user=self.admin,
            )
            document.get_file_size()
            document.get_file_hash()
        self.refs.documents[spec["key"]] = document

        Image = get_image_model()
        spec = demo_content.IMAGE
        image = Image.objects.filter(title=spec["title"]).first()
        if image is None:
            image = ImageFactory(
                title=spec["title"],
                description=spec["description"],
                file=ContentFile(demo_content.illustration_png(), name=spec["filename"]),
                uploaded_by_user=self.admin,
            )
            image.get_file_size()
            image.get_file_hash()
        self.refs.images[spec["key"]] = image

    def ensure_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        root_page = site.root_page.specific if site else None
        if isinstance(root_page, HomePage) and root_page.locale_id == self.fr.pk:
            return root_page
        home = HomePage.objects.filter(locale=self.fr, depth=2).first()
        if home is not None:
            return home
        data = demo_content.home_page(french, References(strict=False))
        home = HomePageFactory(
            parent=Page.get_first_root_node(),
            locale=self.fr,
            live=False,
            title=data["title"],
            slug=data["slug"],
            hero_title=data["hero_title"],
            hero_text=data["hero_text"],
            body=[],
        )
        self.report["created"].append(home.title)
        return home

    def ensure_child(self, parent, model_and_factory, build):
        model, factory = model_and_factory
        data = build(french, References(strict=False))
        page = model.objects.child_of(parent).filter(locale=self.fr, slug=data["slug"]).first()
        if page is not None:
            return page
        if Page.objects.child_of(parent).filter(slug=data["slug"]).exists():
            raise CommandError(
                f"La page « {data['slug']} » existe déjà sous l'accueil avec un autre type que "
                f"{model.__name__} : renommez-la ou supprimez-la, puis relancez la commande."
            )
        draft = {"title": data["title"], "slug": data["slug"], "live": False}
        if model is ContactPage:
            draft["form_fields"] = []
        else:
            draft["body"] = [paragraph(f"<p>{data['intro']}</p>")]
        page = factory(parent=parent, locale=self.fr, **draft)
        self.report["created"].append(page.title)
        return page

    def publish(self, page):
        page.save_revision(user=self.admin, log_action=True).publish(user=self.admin)
        page.refresh_from_db()

    def configure_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        # An existing default site keeps its hostname and port: only its root and name change.
        if site.root_page_id != home.pk or site.site_name != demo_content.SITE_NAME:
            site.root_page = home
            site.site_name = demo_content.SITE_NAME
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

    def configure_settings(self, site):
        navigation = NavigationSettings.for_site(site)
        changed = False
        for relation, item_model, keys in (
            ("main_menu_items", MainMenuItem, demo_content.MAIN_MENU),
            ("footer_items", FooterItem, demo_content.FOOTER_MENU),
        ):
            wanted = [self.refs.pages[key].pk for key in keys]
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
        if any(
            getattr(contact, name) != value for name, value in demo_content.CONTACT_SETTINGS.items()
        ):
            for name, value in demo_content.CONTACT_SETTINGS.items():
                setattr(contact, name, value)
            contact.save()

    # --- English ----------------------------------------------------------------------------------

    def translate(self, key):
        """Publish the English page as a wagtail-localize translation of the French one."""
        page = self.refs.pages[key]
        english_data = self.builders()[key](english, self.refs)
        if translate_page(page, english_data, self.en, self.admin):
            self.report["translated"].append(page.title)

    # --- Report -----------------------------------------------------------------------------------

    def print_summary(self, password):
        if self.verbosity == 0:
            return
        for label, titles in (
            ("Pages créées", self.report["created"]),
            ("Pages mises à jour", self.report["updated"]),
            ("Traductions anglaises publiées", self.report["translated"]),
        ):
            if titles:
                self.stdout.write(f"{label} : {', '.join(titles)}")
        if not any(self.report.values()):
            self.stdout.write("Le site de démonstration est déjà à jour.")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"Site : {base}/ (français) et {base}/en/ (anglais)"))
        self.stdout.write(
            f"Administration : {base}/admin/  identifiant : admin  mot de passe : {password}"
        )
        self.stdout.write(
            f"Rédactrice (groupe Rédacteurs) : identifiant : redactrice  mot de passe : {password}"
        )
        self.stdout.write(
            f"Modérateur (groupe Modérateurs) : identifiant : moderateur  mot de passe : {password}"
        )
