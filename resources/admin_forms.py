"""The resource page's admin form: its taxonomies offer only the items of the page's own locale."""

from wagtail.admin.forms import WagtailAdminPageForm

TAXONOMY_FIELDS = ("themes", "audiences", "legal_references")


class ResourcePageForm(WagtailAdminPageForm):
    """Themes, audiences and legal references in the page's language: a French resource is not
    classed under an English theme (the taxonomies are translatable snippets, one row per locale)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id or (parent_page.locale_id if parent_page else None)
        if locale_id is None:
            return
        for name in TAXONOMY_FIELDS:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)
