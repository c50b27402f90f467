"""Factories for the public site's pages, contact-form fields, documents, images and StreamField blocks.

Shared by the tests and by the demo-content command (`manage.py load_demo_content`): keep the names
obvious (HomePageFactory, ContentPageFactory, ContactPageFactory, ContactFormFieldFactory) and the
defaults realistic, French first.

Two ways to fill a StreamField:
- wagtail-factories syntax, convenient in tests:
  `ContentPageFactory(parent=home, body__0__heading__text="Les bases juridiques",
  body__1__paragraph__value="<p>…</p>")`;
- the block helpers of `block_values` (`heading()`, `paragraph()`, `key_figures()`...), each returning a
  `(block_type, value)` tuple that a StreamField accepts: `ContentPageFactory(body=[heading("…")])`.

Files, documents and images in `media`, the block factories in `block_factories`, the pages and
contact-form fields in `pages`; every name is importable from `home.factories`.
"""

from .block_factories import (
    AccordionBlockFactory,
    AccordionItemBlockFactory,
    CallToActionBlockFactory,
    CaptionedImageBlockFactory,
    CardBlockFactory,
    CardGridBlockFactory,
    CharBlockFactory,
    ContentStreamBlock,
    ContentStreamBlockFactory,
    DocumentChooserBlockFactory,
    DocumentLinkBlockFactory,
    HeadingBlockFactory,
    HomeStreamBlock,
    HomeStreamBlockFactory,
    ImageBlockFactory,
    ImageChooserBlockFactory,
    KeyFigureBlockFactory,
    KeyFiguresBlockFactory,
    LinkBlockFactory,
    QuoteBlockFactory,
    RichTextBlockFactory,
    VideoEmbedBlockFactory,
    WorkAxesBlockFactory,
    WorkAxisBlockFactory,
)
from .block_values import (
    accordion,
    accordion_item,
    call_to_action,
    card,
    cards,
    document_link,
    heading,
    image,
    key_figure,
    key_figures,
    link,
    paragraph,
    quote,
    video,
    work_axes,
    work_axis,
)
from .media import (
    DocumentFactory,
    ImageFactory,
    pdf_bytes,
    png_bytes,
)
from .pages import (
    CONTACT_SUBJECTS,
    ContactFormFieldFactory,
    ContactPageFactory,
    ContentPageFactory,
    HomePageFactory,
    default_contact_fields,
)

__all__ = [
    "AccordionBlockFactory",
    "AccordionItemBlockFactory",
    "CONTACT_SUBJECTS",
    "CallToActionBlockFactory",
    "CaptionedImageBlockFactory",
    "CardBlockFactory",
    "CardGridBlockFactory",
    "CharBlockFactory",
    "ContactFormFieldFactory",
    "ContactPageFactory",
    "ContentPageFactory",
    "ContentStreamBlock",
    "ContentStreamBlockFactory",
    "DocumentChooserBlockFactory",
    "DocumentFactory",
    "DocumentLinkBlockFactory",
    "HeadingBlockFactory",
    "HomePageFactory",
    "HomeStreamBlock",
    "HomeStreamBlockFactory",
    "ImageBlockFactory",
    "ImageChooserBlockFactory",
    "ImageFactory",
    "KeyFigureBlockFactory",
    "KeyFiguresBlockFactory",
    "LinkBlockFactory",
    "QuoteBlockFactory",
    "RichTextBlockFactory",
    "VideoEmbedBlockFactory",
    "WorkAxesBlockFactory",
    "WorkAxisBlockFactory",
    "accordion",
    "accordion_item",
    "call_to_action",
    "card",
    "cards",
    "default_contact_fields",
    "document_link",
    "heading",
    "image",
    "key_figure",
    "key_figures",
    "link",
    "paragraph",
    "pdf_bytes",
    "png_bytes",
    "quote",
    "video",
    "work_axes",
    "work_axis",
]
