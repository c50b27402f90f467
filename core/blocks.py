"""The StreamField blocks every app's pages are written with: `content_blocks()` is a standard page
body; an app adds its own blocks to that list."""

from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from core.i18n import localized

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section (niveau 2)")), ("h3", _("Sous-titre (niveau 3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "core/blocks/heading.html"
        preview_value = {"text": "Pourquoi une clause sociale ?", "level": "h2"}
        description = _("Un titre de section, qui apparaît aussi dans le sommaire de la page.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Crédit"), required=False, max_length=150)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/image.html"
        description = _(
            "Une image avec son texte alternatif, une légende et un crédit facultatifs."
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Auteur ou source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "core/blocks/quote.html"
        preview_value = {
            "text": "L'utilisation des clauses sociales comme levier pour l'insertion doit devenir "
            "une priorité pour améliorer la cohésion sociale de nos territoires.",
            "attribution": "MICS 34",
        }
        description = _("Une citation mise en valeur, avec sa source.")


class LinkValue(blocks.StructValue):
    @cached_property
    def localized_page(self):
        return localized(self.get("page"))

    @cached_property
    def href(self):
        page = self.get("page")
        if page:
            return self.localized_page.url
        return self.get("url") or ""

    @cached_property
    def text(self):
        if self.get("label"):
            return self.get("label")
        page = self.get("page")
        return self.localized_page.title if page else self.get("url")

    @cached_property
    def is_external(self):
        return not self.get("page")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address; the page wins when both are given."""

    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)
    label = blocks.CharBlock(label=_("Libellé du lien"), required=False, max_length=80)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choisissez une page ou saisissez une adresse."))
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Lien")
        value_class = LinkValue


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=150)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    link = LinkBlock(label=_("Lien"))

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "core/blocks/call_to_action.html"
        description = _("Un encadré qui invite le lecteur à une action, avec un bouton.")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Chiffre"), max_length=20, help_text=_("Par exemple : 10 %"))
    label = blocks.CharBlock(label=_("Ce qu'il mesure"), max_length=200)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=150)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Chiffres"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Chiffres clés")
        template = "core/blocks/key_figures.html"
        description = _("D'un à six chiffres clés, chacun avec ce qu'il mesure et sa source.")


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question ou intitulé"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Réponse"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=150)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions fréquentes (accordéon)")
        template = "core/blocks/accordion.html"
        description = _("Des questions et leurs réponses, repliées jusqu'au clic.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Intitulé"),
        required=False,
        max_length=200,
        help_text=_("Laissez vide pour reprendre le titre du document."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "core/blocks/document_link.html"
        description = _("Un lien de téléchargement qui indique le format et le poids du fichier.")


def privacy_embed_url(url):
    """The address to load in a frame for a video URL, on the provider's no-cookie host, or None when the
    provider is not one the Content Security Policy allows."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path.startswith("/embed/"):
            video_id = parsed.path.split("/")[2]
        else:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else None
    if host == "youtu.be":
        video_id = parsed.path.strip("/")
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else None
    if host == "vimeo.com":
        video_id = parsed.path.strip("/").split("/")[0]
        return f"https://player.vimeo.com/video/{video_id}?dnt=1" if video_id.isdigit() else None
    if host in {"dailymotion.com", "dai.ly"}:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        return f"https://www.dailymotion.com/embed/video/{video_id}" if video_id else None
    return None


class VideoEmbedBlock(blocks.StructBlock):
    """A video from YouTube, Vimeo or Dailymotion. Nothing is loaded from the provider until the visitor
    clicks: the page stays free of third-party requests and cookies."""

    url = blocks.URLBlock(
        label=_("Adresse de la vidéo"), help_text=_("YouTube, Vimeo ou Dailymotion.")
    )
    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=200)
    transcript = blocks.RichTextBlock(
        label=_("Transcription"), required=False, features=RICH_TEXT_FEATURES
    )

    def clean(self, value):
        value = super().clean(value)
        if not privacy_embed_url(value.get("url", "")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _(
                            "Cette adresse n'est pas une vidéo YouTube, Vimeo ou Dailymotion reconnue."
                        )
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = privacy_embed_url(value["url"])
        return context

    class Meta:
        icon = "media"
        label = _("Vidéo intégrée")
        template = "core/blocks/video_embed.html"
        description = _(
            "Une vidéo chargée seulement quand le visiteur le demande, avec sa transcription."
        )


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    link = LinkBlock(label=_("Lien"), required=False)


class CardGridBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=150)
    cards = blocks.ListBlock(CardBlock(), label=_("Cartes"), min_num=1, max_num=8)

    class Meta:
        icon = "grip"
        label = _("Grille de cartes")
        template = "core/blocks/card_grid.html"
        description = _("Des cartes côte à côte, par exemple les portes d'entrée du site.")


def content_blocks():
    """The blocks a standard page body offers; other apps add their own to this list."""
    return [
        ("heading", HeadingBlock()),
        (
            "paragraph",
            blocks.RichTextBlock(
                label=_("Texte"),
                icon="pilcrow",
                features=RICH_TEXT_FEATURES,
                template="core/blocks/paragraph.html",
            ),
        ),
        ("image", CaptionedImageBlock()),
        ("quote", QuoteBlock()),
        ("call_to_action", CallToActionBlock()),
        ("key_figures", KeyFiguresBlock()),
        ("accordion", AccordionBlock()),
        ("document", DocumentLinkBlock()),
        ("video", VideoEmbedBlock()),
        ("cards", CardGridBlock()),
    ]
