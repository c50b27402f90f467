"""The demo site's texts, French and English side by side, for `manage.py load_demo_content`.

Each page is a function of `tr` and `ref`: `tr(fr, en)` picks the text of the language being built, so
both languages have exactly the same structure (wagtail-localize matches them segment by segment);
`ref` gives the pages, the document and the image the content points to. Facts come from the MICS 34
brochure and from the legal framework in the project's domain notes; nothing else is invented.

Each page function returns the page's fields; "body" lists (block_type, value) tuples. One module a
page (the footer's three pages together in `legal`), the facts they share in `shared`, the document
and the illustration in `media`.
"""

from .axes import axes_page
from .clauses import clauses_page
from .contact import CONTACT_FORM_FIELDS, contact_page
from .home import home_page
from .legal import accessibility_page, legal_page, privacy_page
from .media import DOCUMENT, IMAGE, illustration_png
from .mission import mission_page
from .shared import (
    ADDRESS_FR,
    AXES,
    BROCHURE_QUOTE,
    CONTACT_SETTINGS,
    EMAIL,
    FOOTER_MENU,
    MAIN_MENU,
    NBSP,
    PHONE,
    SITE_NAME,
)

__all__ = [
    "ADDRESS_FR",
    "AXES",
    "BROCHURE_QUOTE",
    "CONTACT_FORM_FIELDS",
    "CONTACT_SETTINGS",
    "DOCUMENT",
    "EMAIL",
    "FOOTER_MENU",
    "IMAGE",
    "MAIN_MENU",
    "NBSP",
    "PAGES",
    "PHONE",
    "SITE_NAME",
    "accessibility_page",
    "axes_page",
    "clauses_page",
    "contact_page",
    "home_page",
    "illustration_png",
    "legal_page",
    "mission_page",
    "privacy_page",
]

# The pages under the home page, in their order in the page tree: (page type, content).
PAGES = {
    "mission": ("ContentPage", mission_page),
    "clauses": ("ContentPage", clauses_page),
    "axes": ("ContentPage", axes_page),
    "contact": ("ContactPage", contact_page),
    "legal": ("ContentPage", legal_page),
    "accessibility": ("ContentPage", accessibility_page),
    "privacy": ("ContentPage", privacy_page),
}
