"""wagtail-factories factories of the StreamField blocks, for the `body__0__heading__text="…"`
syntax of the page factories."""

from wagtail import blocks as wagtail_blocks
from wagtail.rich_text import RichText

import factory
import wagtail_factories

from core import blocks

from .media import DocumentFactory, ImageFactory


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
    title = "Vous préparez un marché ?"
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
    question = factory.Sequence(lambda n: f"Question {n} ?")
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


ContentStreamBlock = type(
    "ContentStreamBlock", (wagtail_blocks.StreamBlock,), dict(blocks.content_blocks())
)


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
