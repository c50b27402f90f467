"""Template tags of the shared form templates (`core/includes/form_fields.html`)."""

from django import template

register = template.Library()

# Input purposes (WCAG 1.3.5) for the field names editors usually give the contact form.
AUTOCOMPLETE = {
    "nom": "name",
    "nom-prenom": "name",
    "prenom-nom": "name",
    "name": "name",
    "prenom": "given-name",
    "nom-de-famille": "family-name",
    "courriel": "email",
    "email": "email",
    "e-mail": "email",
    "adresse-electronique": "email",
    "telephone": "tel",
    "phone": "tel",
    "structure": "organization",
    "organisation": "organization",
    "organisme": "organization",
    "collectivite": "organization",
    "fonction": "organization-title",
    "code-postal": "postal-code",
}


@register.simple_tag
def form_widget(field):
    """Render a form field's widget tied to its help text and error by aria-describedby."""
    described_by = []
    attrs = {}
    if field.help_text:
        described_by.append(f"{field.auto_id}-aide")
    if field.errors:
        described_by.append(f"{field.auto_id}-erreur")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    widget_type = getattr(field, "widget_type", "")
    if widget_type not in {"checkbox", "radioselect", "checkboxselectmultiple", "hidden"}:
        autocomplete = "email" if widget_type == "email" else AUTOCOMPLETE.get(field.name)
        if autocomplete and "autocomplete" not in field.field.widget.attrs:
            attrs["autocomplete"] = autocomplete
    return field.as_widget(attrs=attrs)
