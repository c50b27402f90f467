"""Block data helpers: each returns a `(block_type, value)` tuple that a StreamField accepts, e.g.
`ContentPageFactory(body=[heading("…"), paragraph("<p>…</p>")])`."""

from wagtail.rich_text import RichText


def link(page=None, url="", label=""):
    """The value of a LinkBlock: a page of the site, or else an external address."""
    return {"page": page, "url": url, "label": label}


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(html):
    return ("paragraph", RichText(html))


def quote(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


def call_to_action(title, text="", link_value=None):
    return ("call_to_action", {"title": title, "text": text, "link": link_value or link()})


def key_figure(value, label, source=""):
    return {"value": value, "label": label, "source": source}


def key_figures(figures, title=""):
    """`figures`: dicts from key_figure()."""
    return ("key_figures", {"title": title, "figures": list(figures)})


def accordion_item(question, answer_html):
    return {"question": question, "answer": RichText(answer_html)}


def accordion(items, title=""):
    """`items`: dicts from accordion_item()."""
    return ("accordion", {"title": title, "items": list(items)})


def document_link(document, title="", description=""):
    return ("document", {"document": document, "title": title, "description": description})


def image(image_obj, alt_text, caption="", credit="", decorative=False):
    """An image block; ImageBlock's value is the Image itself, carrying its alt text for this use."""
    image_obj.contextual_alt_text = "" if decorative else alt_text
    image_obj.decorative = decorative
    return ("image", {"image": image_obj, "caption": caption, "credit": credit})


def video(url, title, transcript_html=""):
    return ("video", {"url": url, "title": title, "transcript": RichText(transcript_html)})


def card(title, text="", link_value=None):
    return {"title": title, "text": text, "link": link_value or link()}


def cards(items, title=""):
    """`items`: dicts from card()."""
    return ("cards", {"title": title, "cards": list(items)})
