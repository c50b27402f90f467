"""Panels of the admin's dashboard: each app adds its own through Wagtail's
`construct_homepage_panels` hook (in its wagtail_hooks.py), built with `DashboardListPanel`, so
that the dashboard shows what editors and moderators have to look at (sends, contact messages,
documents that could not be read...)."""

from dataclasses import dataclass

from wagtail.admin.ui.components import Component


@dataclass(frozen=True)
class DashboardRow:
    """One line of a panel: what it is, where it is handled in the admin, and a detail (a date,
    a state)."""

    label: str
    url: str
    detail: str = ""


class DashboardListPanel(Component):
    """A dashboard panel: a heading, a few rows, the sentence shown when there is none, and a link
    to the full list."""

    template_name = "core/admin/dashboard_panel.html"

    def __init__(
        self,
        name: str,
        heading: str,
        rows: list[DashboardRow],
        empty_label: str,
        more_url: str = "",
        more_label: str = "",
        order: int = 300,
    ):
        self.name = name
        self.heading = heading
        self.rows = rows
        self.empty_label = empty_label
        self.more_url = more_url
        self.more_label = more_label
        self.order = order

    def get_context_data(self, parent_context):
        return {"panel": self}
