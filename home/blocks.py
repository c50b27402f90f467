"""The blocks of the home page and the site's own pages: the content blocks (core.blocks) and the work
axes of the mission."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import content_blocks


class WorkAxisBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Numéro"), max_length=4, required=False)
    title = blocks.CharBlock(label=_("Titre de l'axe"), max_length=150)
    actions = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("Actions"))


class WorkAxesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=150)
    axes = blocks.ListBlock(WorkAxisBlock(), label=_("Axes"), min_num=1, max_num=4)

    class Meta:
        icon = "list-ol"
        label = _("Axes de travail")
        template = "home/blocks/work_axes.html"
        description = _("Les axes de travail de la mission et leurs actions, en colonnes.")


def home_blocks():
    return content_blocks() + [("work_axes", WorkAxesBlock())]
