"""The directory on the home page (a section registered with core.sections): "Qui peut m'aider ?",
a commune field that sends the visitor to their facilitator, under the home page's own directory."""

from .models.pages import DirectoryPage


def facilitator_lookup(request, home) -> dict | None:
    """The section's context; None when this home page has no directory."""
    if home is None:
        return None
    directory = DirectoryPage.objects.live().child_of(home).first()
    if directory is None:
        return None
    return {"directory": directory}
