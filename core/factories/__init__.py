"""Factories shared by every app's tests and demo content: documents, images and the content blocks.

Two ways to fill a StreamField:
- wagtail-factories syntax, convenient in tests:
  `ContentPageFactory(parent=home, body__0__heading__text="Les bases juridiques",
  body__1__paragraph__value="<p>…</p>")`;
- the block helpers of `values` (`heading()`, `paragraph()`, `key_figures()`...), each returning a
  `(block_type, value)` tuple that a StreamField accepts: `ContentPageFactory(body=[heading("…")])`.

Files, documents and images in `media`, the block factories in `blocks`; every name is importable
from `core.factories`. Each app's own pages have their factories in `<app>/factories.py`.
"""

from .blocks import (
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
    ImageBlockFactory,
    ImageChooserBlockFactory,
    KeyFigureBlockFactory,
    KeyFiguresBlockFactory,
    LinkBlockFactory,
    QuoteBlockFactory,
    RichTextBlockFactory,
    VideoEmbedBlockFactory,
)
from .media import DocumentFactory, ImageFactory, pdf_bytes, png_bytes
from .values import (
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
)

__all__ = [
    "AccordionBlockFactory",
    "AccordionItemBlockFactory",
    "CallToActionBlockFactory",
    "CaptionedImageBlockFactory",
    "CardBlockFactory",
    "CardGridBlockFactory",
    "CharBlockFactory",
    "ContentStreamBlock",
    "ContentStreamBlockFactory",
    "DocumentChooserBlockFactory",
    "DocumentFactory",
    "DocumentLinkBlockFactory",
    "HeadingBlockFactory",
    "ImageBlockFactory",
    "ImageChooserBlockFactory",
    "ImageFactory",
    "KeyFigureBlockFactory",
    "KeyFiguresBlockFactory",
    "LinkBlockFactory",
    "QuoteBlockFactory",
    "RichTextBlockFactory",
    "VideoEmbedBlockFactory",
    "accordion",
    "accordion_item",
    "call_to_action",
    "card",
    "cards",
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
]
