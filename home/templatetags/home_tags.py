"""Template tags of the public site's layout: localized home page, language switcher, menus,
breadcrumbs, and the small helpers the contact form and the blocks need."""

from urllib.parse import urlparse

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.urls.base import translate_url
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site

from core.cache import cached_per_generation
from core.cache.pages import is_public
from core.sections import home_sections as registered_home_sections
from home.models import ContactPage, ContactSettings, NavigationSettings
from home.navigation import menu_cache_key

register = template.Library()

# Menus are kept this long at most; publishing, moving or deleting a page, or saving the navigation,
# forgets them at once in the process that did it (and everywhere with a shared cache).
MENU_CACHE_SECONDS = 60

# Open Graph wants a territory; the site's languages are written for these audiences.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _memo(context, key, compute):
    """Compute a value once per request: the layout asks for the site and the home page many times."""
    request = context.get("request")
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_home_tags_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _site(context):
    def find():
        request = context.get("request")
        if request is not None:
            site = Site.find_for_request(request)  # cached on the request by Wagtail
            if site:
                return site
        page = context.get("page")
        if isinstance(page, Page):
            site = page.get_site()
            if site:
                return site
        return Site.objects.filter(is_default_site=True).select_related("root_page").first()

    return _memo(context, "site", find)


def _home_in(context, site, language_code):
    """The site's home page in a language (specific), when it exists and is live; kept per
    generation of the page cache (core.cache.objects), which every publish renews."""

    def find():
        home = (
            Page.objects.filter(
                translation_key=site.root_page.translation_key,
                locale__language_code=language_code,
            )
            .live()
            .first()
        )
        return home.specific if home is not None else None

    if site is None:
        return None
    return _memo(
        context,
        ("home", language_code),
        lambda: cached_per_generation(f"home:{site.pk}:{language_code}", find),
    )


def _live_translations(context, page):
    return _memo(
        context,
        ("translations", page.pk),
        lambda: cached_per_generation(
            f"translations:{page.pk}",
            lambda: list(page.get_translations(inclusive=True).live().select_related("locale")),
        ),
    )


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the visitor's language (the default-language one when not translated)."""
    site = _site(context)
    if site is None:
        return None
    language = translation.get_language() or settings.LANGUAGE_CODE
    home = _home_in(context, site, language.split("-")[0])
    return home if home is not None else site.root_page.specific


@register.simple_tag(takes_context=True)
def contact_settings(context):
    """The site's contact details (ContactSettings), kept per generation of the page cache: a change
    to the settings purges it (core.cache.signals)."""
    site = _site(context)
    if site is None:
        return ContactSettings.load()
    return _memo(
        context,
        "contact-settings",
        lambda: cached_per_generation(
            f"contact-settings:{site.pk}", lambda: ContactSettings.load(request_or_site=site)
        ),
    )


@register.simple_tag(takes_context=True)
def site_name(context):
    site = _site(context)
    return (site.site_name if site and site.site_name else None) or settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language of the site: where to go to read the current page in that language.

    A page links to its live translation, or to the home page of the language when it has none; a
    view that is not a page (search...) links to the same address in the other language."""
    request = context.get("request")
    page = context.get("page")
    site = _site(context)
    current = translation.get_language() or settings.LANGUAGE_CODE
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translated in _live_translations(context, page):
            translations[translated.locale.language_code] = translated
    match = getattr(request, "resolver_match", None) if request is not None else None
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if code in translations:
            url = translations[code].get_url(request)
        elif not translations and match is not None and match.url_name != "wagtail_serve":
            url = translate_url(request.get_full_path(), code)
        if url is None:
            home = _home_in(context, site, code)
            if home is not None:
                url = home.get_url(request)
            else:
                with translation.override(code):
                    url = reverse("wagtail_serve", args=[""])
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": current.split("-")[0] == code,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang alternates of a page: its live translations, with absolute addresses."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return []
    links = []
    for translated in _live_translations(context, page):
        url = translated.get_full_url(request)
        if url:
            links.append(
                {
                    "code": translated.locale.language_code,
                    "url": url,
                    "is_default": translated.locale.language_code == settings.LANGUAGE_CODE,
                }
            )
    return links


@register.simple_tag
def og_locale(language_code):
    code = (language_code or settings.LANGUAGE_CODE).split("-")[0]
    return OG_LOCALES.get(code, code)


@register.simple_tag
def og_alternate_locales(language_code):
    code = (language_code or settings.LANGUAGE_CODE).split("-")[0]
    return [locale for lang, locale in OG_LOCALES.items() if lang != code]


def _menu_targets(context, relation):
    """The live pages of a menu in the visitor's language, as plain data kept in the cache (see
    home/navigation.py for when it is forgotten)."""
    site = _site(context)
    if site is None:
        return []
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    key = menu_cache_key(site.pk, language, relation)
    entries = cache.get(key)
    if entries is not None:
        return entries
    request = context.get("request")
    navigation = NavigationSettings.for_site(site)
    pages = [item.page for item in getattr(navigation, relation).select_related("page")]
    locale = Locale.objects.filter(language_code=language).first()
    localized = {}
    if locale is not None:
        for page in Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages], locale=locale
        ):
            localized[page.translation_key] = page
    entries = []
    for page in pages:
        target = localized.get(page.translation_key, page)
        url = target.get_url(request) if target.live else None
        if url:
            entries.append(
                {"title": target.title, "url": url, "path": target.path, "depth": target.depth}
            )
    cache.set(key, entries, MENU_CACHE_SECONDS)
    return entries


def _menu(context, relation):
    page = context.get("page")
    current_path = page.path if isinstance(page, Page) else None
    entries = []
    for target in _menu_targets(context, relation):
        is_current = current_path is not None and current_path == target["path"]
        # A section is current for the pages under it; the home page only for itself.
        is_ancestor = (
            current_path is not None
            and not is_current
            and target["depth"] > 2
            and current_path.startswith(target["path"])
        )
        entries.append({**target, "is_current": is_current, "is_ancestor": is_ancestor})
    return entries


@register.simple_tag(takes_context=True)
def main_menu(context):
    return _menu(context, "main_menu_items")


@register.simple_tag(takes_context=True)
def footer_menu(context):
    return _menu(context, "footer_items")


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The live ancestors of the current page from its home page down, without the page itself."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    if not page.pk:  # the preview of a page not saved yet
        return list(page.get_ancestors().filter(depth__gte=2).live().specific())
    return cached_per_generation(
        f"breadcrumbs:{page.pk}",
        lambda: list(page.get_ancestors().filter(depth__gte=2).live().specific()),
    )


@register.simple_tag(takes_context=True)
def contact_page(context):
    """The live contact page in the visitor's language, if the site has one."""
    home = localized_home(context)
    if home is None:
        return None
    return _memo(
        context,
        "contact",
        lambda: cached_per_generation(
            f"contact-page:{home.pk}",
            lambda: ContactPage.objects.live().descendant_of(home).first(),
        ),
    )


@register.filter
def page_summary(page):
    """A short description of a page for search results and meta tags."""
    text = getattr(page, "search_description", "") or ""
    if not text:
        for attribute in ("intro", "summary", "hero_text"):
            value = getattr(page, attribute, "")
            if value:
                text = strip_tags(str(value))
                break
    return " ".join(text.split())


def _shareable(page):
    return bool(page.pk) and page.live and is_public(page)


@register.filter
def page_key(page):
    """What a cached fragment of one page varies on (core.cache.fragments): the id of a live
    page anonymous visitors may see, else "" (the fragment rendered without the cache)."""
    return page.pk if isinstance(page, Page) and _shareable(page) else ""


@register.filter
def layout_key(page):
    """What a cached fragment of the layout that marks the current page varies on: as `page_key`,
    and "-" for a view that is not a page (its menus mark nothing)."""
    if not isinstance(page, Page):
        return "-"
    return page.pk if _shareable(page) else ""


@register.filter
def is_external_url(url):
    return urlparse(url or "").scheme in {"http", "https"}


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """A static file's absolute address on the site's canonical host (for Open Graph images)."""
    url = static(path)
    if urlparse(url).scheme:
        return url
    site = _site(context)
    if site is not None and site.root_url:
        return site.root_url + url
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


ACCESSIBILITY_LABELS = {
    "non": _("non conforme"),
    "partiel": _("partiellement conforme"),
    "total": _("totalement conforme"),
}


@register.simple_tag
def legal_details():
    """What French law wants on every page's foot: the publication director and the host (LCEN
    art. 6, from the settings) and the RGAA compliance state (ACCESSIBILITY_STATUS)."""
    return {
        "director": settings.PUBLICATION_DIRECTOR,
        "host": settings.SITE_HOST,
        "accessibility": ACCESSIBILITY_LABELS.get(
            settings.ACCESSIBILITY_STATUS, ACCESSIBILITY_LABELS["non"]
        ),
    }


@register.simple_tag(takes_context=True)
def home_sections(context):
    """The sections apps register for the home page (core.sections), rendered in order. Their
    contexts are the same for every visitor (what is public): kept per generation of the page
    cache and per language (core.cache.objects)."""
    request = context.get("request")
    page = context.get("page")
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    parts = []
    for section in registered_home_sections():
        if isinstance(page, Page) and page.pk:
            values = cached_per_generation(
                f"home-section:{section.key}:{page.pk}:{language}",
                lambda section=section: section.context(request, page),
            )
        else:
            values = section.context(request, page)
        if values is not None:
            parts.append(render_to_string(section.template, values, request=request))
    return mark_safe("".join(parts))  # noqa: S308 (templates, autoescaped)
