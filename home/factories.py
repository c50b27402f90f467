"""Factories for the public site's pages, contact-form fields, documents, images and StreamField blocks.

Shared by the tests and by the demo-content command (`manage.py load_demo_content`): keep the names
obvious (HomePageFactory, ContentPageFactory, ContactPageFactory, ContactFormFieldFactory) and the
defaults realistic, French first.

Two ways to fill a StreamField:
- wagtail-factories syntax, convenient in tests:
  `ContentPageFactory(parent=home, body__0__heading__text="Les bases juridiques",
  body__1__paragraph__value="<p>…</p>")`;
- the block helpers below (`heading()`, `paragraph()`, `key_figures()`...), each returning a
  `(block_type, value)` tuple that a StreamField accepts: `ContentPageFactory(body=[heading("…")])`.
"""

import io

from wagtail import blocks as wagtail_blocks
from wagtail.models import Collection
from wagtail.rich_text import RichText

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from PIL import Image as PILImage

from home import blocks
from home.models import ContactFormField, ContactPage, ContentPage, HomePage

# --- Files --------------------------------------------------------------------------------------


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(title, lines):
    """A valid one-page A4 PDF that prints `title` and `lines` in Helvetica (WinAnsi encoding, so
    French accents, « guillemets » and dashes come out right). No dependency beyond the standard
    library; long lines are not wrapped, keep them under ~90 characters."""
    content = [
        "BT",
        "/F1 16 Tf",
        "56 780 Td",
        f"({_pdf_escape(title)}) Tj",
        "/F1 11 Tf",
        "16 TL",
        "0 -12 Td",
    ]
    for line in lines:
        content.append(f"T* ({_pdf_escape(line)}) Tj")
    content.append("ET")
    stream = "\n".join(content).encode("cp1252", errors="replace")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title (" + _pdf_escape(title).encode("cp1252", errors="replace") + b") >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref_offset = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n".encode())
    out.write(b"0000000000 65535 f \n")
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref_offset}\n%%EOF\n".encode()
    )
    return out.getvalue()


def png_bytes(width=1200, height=675, color=(0, 94, 115)):
    """A plain PNG of the given size and colour."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


# --- Wagtail documents and images ---------------------------------------------------------------


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A one-page PDF in the root collection."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = "Guide — insérer une clause sociale"
    file = factory.django.FileField(
        filename="guide-clause-sociale.pdf",
        data=factory.LazyAttribute(
            lambda _: pdf_bytes(
                "Guide — insérer une clause sociale",
                [
                    "Réserver 5 % à 20 % de l'activité induite à des personnes éloignées de l'emploi."
                ],
            )
        ),
    )


class ImageFactory(wagtail_factories.ImageFactory):
    """A plain PNG in the root collection."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = "Illustration"
    description = "Aplat de couleur bleu canard"
    file = factory.django.ImageField(
        filename="illustration.png", width=1200, height=675, color="#005e73", format="PNG"
    )


# --- Block data helpers: (block_type, value) tuples ---------------------------------------------


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


def work_axis(title, actions, number=""):
    return {"number": number, "title": title, "actions": list(actions)}


def work_axes(axes, title=""):
    """`axes`: dicts from work_axis(). Home page only."""
    return ("work_axes", {"title": title, "axes": list(axes)})


# --- wagtail-factories block factories ----------------------------------------------------------


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    """`paragraph__value="<p>…</p>"` gives that HTML; without a value, a sentence of the brochure."""

    value = (
        "<p>Une clause sociale réserve une part des heures de travail d'un marché public à des "
        "personnes éloignées de l'emploi.</p>"
    )

    class Meta:
        model = wagtail_blocks.RichTextBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        value = kwargs.get("value", "")
        return value if isinstance(value, RichText) else RichText(value)


class CharBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = factory.Sequence(lambda n: f"Action {n}")

    class Meta:
        model = wagtail_blocks.CharBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return kwargs.get("value", "")


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Section {n}")
    level = "h2"

    class Meta:
        model = blocks.HeadingBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    text = (
        "L'utilisation des clauses sociales comme levier pour l'insertion doit devenir une "
        "priorité pour améliorer la cohésion sociale de nos territoires."
    )
    attribution = "Mission Interinstitutionnelle Clause Sociale 34"

    class Meta:
        model = blocks.QuoteBlock


class LinkBlockFactory(wagtail_factories.StructBlockFactory):
    """An external link by default; pass `page=` for a page of the site."""

    page = None
    url = "https://www.legifrance.gouv.fr/"
    label = ""

    class Meta:
        model = blocks.LinkBlock


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Vous préparez un marché ?"
    text = "La mission vous aide à y insérer une clause sociale."
    link = factory.SubFactory(LinkBlockFactory)

    class Meta:
        model = blocks.CallToActionBlock


class KeyFigureBlockFactory(wagtail_factories.StructBlockFactory):
    value = "10 %"
    label = "des marchés publics comportaient une clause sociale en 2018"
    source = "CESE"

    class Meta:
        model = blocks.KeyFigureBlock


class KeyFiguresBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Les clauses sociales en chiffres"
    figures = wagtail_factories.ListBlockFactory(KeyFigureBlockFactory)

    class Meta:
        model = blocks.KeyFiguresBlock


class AccordionItemBlockFactory(wagtail_factories.StructBlockFactory):
    question = factory.Sequence(lambda n: f"Question {n} ?")
    answer = factory.SubFactory(RichTextBlockFactory)

    class Meta:
        model = blocks.AccordionItemBlock


class AccordionBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Questions fréquentes"
    items = wagtail_factories.ListBlockFactory(AccordionItemBlockFactory)

    class Meta:
        model = blocks.AccordionBlock


class DocumentChooserBlockFactory(wagtail_factories.DocumentChooserBlockFactory):
    document = factory.SubFactory(DocumentFactory)


class DocumentLinkBlockFactory(wagtail_factories.StructBlockFactory):
    document = factory.SubFactory(DocumentChooserBlockFactory)
    title = ""
    description = ""

    class Meta:
        model = blocks.DocumentLinkBlock


class ImageChooserBlockFactory(wagtail_factories.ImageChooserBlockFactory):
    image = factory.SubFactory(ImageFactory)


class ImageBlockFactory(wagtail_factories.ImageBlockFactory):
    image = factory.SubFactory(ImageChooserBlockFactory)
    decorative = False
    alt_text = "Illustration abstraite aux couleurs du site"


class CaptionedImageBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(ImageBlockFactory)
    caption = ""
    credit = ""

    class Meta:
        model = blocks.CaptionedImageBlock


class VideoEmbedBlockFactory(wagtail_factories.StructBlockFactory):
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    title = "Vidéo de présentation"
    transcript = factory.SubFactory(RichTextBlockFactory, value="")

    class Meta:
        model = blocks.VideoEmbedBlock


class CardBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Carte {n}")
    text = ""
    link = factory.SubFactory(LinkBlockFactory)

    class Meta:
        model = blocks.CardBlock


class CardGridBlockFactory(wagtail_factories.StructBlockFactory):
    title = ""
    cards = wagtail_factories.ListBlockFactory(CardBlockFactory)

    class Meta:
        model = blocks.CardGridBlock


class WorkAxisBlockFactory(wagtail_factories.StructBlockFactory):
    number = "1"
    title = "Le pôle ressources et coordination"
    actions = wagtail_factories.ListBlockFactory(CharBlockFactory)

    class Meta:
        model = blocks.WorkAxisBlock


class WorkAxesBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Deux axes de travail"
    axes = wagtail_factories.ListBlockFactory(WorkAxisBlockFactory)

    class Meta:
        model = blocks.WorkAxesBlock


ContentStreamBlock = type(
    "ContentStreamBlock", (wagtail_blocks.StreamBlock,), dict(blocks.content_blocks())
)
HomeStreamBlock = type("HomeStreamBlock", (wagtail_blocks.StreamBlock,), dict(blocks.home_blocks()))


class ContentStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(RichTextBlockFactory)
    image = factory.SubFactory(CaptionedImageBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)
    key_figures = factory.SubFactory(KeyFiguresBlockFactory)
    accordion = factory.SubFactory(AccordionBlockFactory)
    document = factory.SubFactory(DocumentLinkBlockFactory)
    video = factory.SubFactory(VideoEmbedBlockFactory)
    cards = factory.SubFactory(CardGridBlockFactory)

    class Meta:
        model = ContentStreamBlock


class HomeStreamBlockFactory(ContentStreamBlockFactory):
    work_axes = factory.SubFactory(WorkAxesBlockFactory)

    class Meta:
        model = HomeStreamBlock


# --- Pages ----------------------------------------------------------------------------------------


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page; without `parent` it becomes a new tree root, so tests usually pass
    `parent=Page.get_first_root_node()` and make it a Site's root page."""

    title = "Accueil"
    hero_title = "Vous accompagner dans l'achat socialement responsable"
    hero_text = (
        "<p>La Mission Interinstitutionnelle Clause Sociale 34 aide les acheteurs publics de "
        "l'Hérault à insérer des clauses sociales dans leurs marchés.</p>"
    )
    hero_link_label = ""
    body = wagtail_factories.StreamFieldFactory(HomeStreamBlockFactory)

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    intro = "Ce que la mission propose aux acheteurs publics de l'Hérault."
    body = wagtail_factories.StreamFieldFactory(ContentStreamBlockFactory)
    show_table_of_contents = False

    class Meta:
        model = ContentPage


class ContactPageFactory(wagtail_factories.PageFactory):
    """A contact page with the five usual fields (Nom, Courriel, Organisation, Objet, Message);
    `form_fields=[]` gives none, `form_fields=[{"label": …, "field_type": …}, …]` gives those."""

    title = "Contact"
    intro = "<p>Une question sur les clauses sociales ? Écrivez à l'équipe de la MICS 34.</p>"
    thank_you_text = "<p>Merci, votre message a bien été envoyé.</p>"
    privacy_notice = (
        "<p>Vos données servent uniquement à répondre à votre demande et sont conservées "
        "12 mois.</p>"
    )
    to_address = "contact@clausesociale34.fr"
    from_address = ""
    subject = "Nouveau message depuis clausesociale34.fr"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def form_fields(obj, create, extracted, **kwargs):
        if not create:
            return
        fields = default_contact_fields() if extracted is None else extracted
        for sort_order, field in enumerate(fields):
            ContactFormFieldFactory(page=obj, sort_order=sort_order, **field)


def default_contact_fields():
    """The contact form's fields, as keyword arguments for ContactFormFieldFactory."""
    return [
        {"label": "Nom", "field_type": "singleline", "required": True},
        {"label": "Courriel", "field_type": "email", "required": True},
        {
            "label": "Organisation",
            "field_type": "singleline",
            "required": False,
            "help_text": "Collectivité, entreprise, structure d'insertion…",
        },
        {
            "label": "Objet",
            "field_type": "dropdown",
            "required": False,
            "choices": "\n".join(CONTACT_SUBJECTS),
        },
        {"label": "Message", "field_type": "multiline", "required": True},
    ]


CONTACT_SUBJECTS = [
    "Insérer une clause sociale dans un marché",
    "Rejoindre le réseau des facilitateurs",
    "Recruter grâce aux clauses sociales",
    "Proposer une rencontre ou un événement",
    "Autre demande",
]


class ContactFormFieldFactory(DjangoModelFactory):
    page = factory.SubFactory(ContactPageFactory)
    sort_order = factory.Sequence(int)
    label = factory.Sequence(lambda n: f"Champ {n}")
    field_type = "singleline"
    required = True
    choices = ""
    default_value = ""
    help_text = ""

    class Meta:
        model = ContactFormField
