"""Blocks of a newsletter issue: the editorial blocks of the site that hold up in an email client,
a digest of the latest publications, and calls to action."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import content_blocks
from core.digest import digest_items, digest_source_choices, issue_date

# Accordions, videos and card grids need CSS or JavaScript that email clients do not run.
EMAIL_SAFE_BLOCKS = {"heading", "paragraph", "image", "quote", "call_to_action", "key_figures"}


class DigestBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=150)
    source = blocks.ChoiceBlock(label=_("Contenus repris"), choices=digest_source_choices)
    count = blocks.IntegerBlock(label=_("Nombre d'éléments"), min_value=1, max_value=10, default=3)

    class Meta:
        icon = "list-ul"
        label = _("Sélection automatique")
        template = "newsletter/blocks/digest.html"
        description = _(
            "Les dernières publications du site antérieures à la lettre, reprises automatiquement."
        )

    def items(self, value, locale, before=None):
        return digest_items(value["source"], locale, value["count"], before=before)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        context["items"] = (
            self.items(value, page.locale, before=issue_date(page)) if page is not None else []
        )
        return context


def newsletter_blocks():
    return [(name, block) for name, block in content_blocks() if name in EMAIL_SAFE_BLOCKS] + [
        ("digest", DigestBlock())
    ]
