"""What apps put on the home page and in the demo's main menu, without the home page knowing them.
Each app registers its own, once, in its AppConfig.ready():

    from core.sections import register_home_section, register_main_menu_entry
    register_home_section("events", "events/includes/home_section.html", next_events, order=20)
    register_main_menu_entry("agenda", after="resources")

`context(request, home_page)` returns the template's context, or None to show nothing (no agenda
under this home page, nothing to come); the home page renders the sections by `order`. A main-menu
entry names a page of the demo (its key in `demo.refs.pages`): `load_demo_content` puts it in the
main menu after the entry `after` (at the end when `after` is not in the menu).
"""

from collections.abc import Callable
from dataclasses import dataclass

_HOME_SECTIONS: dict[str, "HomeSection"] = {}
_MEMBERS_SECTIONS: dict[str, "HomeSection"] = {}
_MENU_ENTRIES: dict[str, "MenuEntry"] = {}


@dataclass(frozen=True)
class HomeSection:
    key: str
    template: str
    context: Callable  # (request, home_page) -> dict | None
    order: int = 100


@dataclass(frozen=True)
class MenuEntry:
    key: str
    after: str = ""


def register_home_section(key: str, template: str, context: Callable, order: int = 100) -> None:
    """Show `template` on the home page with `context(request, home_page)` (None: not shown);
    registering a key again replaces its section."""
    _HOME_SECTIONS[key] = HomeSection(key, template, context, order)


def home_sections() -> list[HomeSection]:
    """The registered sections, by order then key."""
    return sorted(_HOME_SECTIONS.values(), key=lambda section: (section.order, section.key))


def register_members_section(key: str, template: str, context: Callable, order: int = 100) -> None:
    """The same for the members' home (members/): `context(request, member_home)` returns the
    template's context, or None; `request.user` is a signed-in member of the network. The agenda
    registers the next network meetings, the procurement watch the notices a member follows..."""
    _MEMBERS_SECTIONS[key] = HomeSection(key, template, context, order)


def members_sections() -> list[HomeSection]:
    return sorted(_MEMBERS_SECTIONS.values(), key=lambda section: (section.order, section.key))


def register_main_menu_entry(key: str, after: str = "") -> None:
    """Put the demo page `key` in the demo's main menu, after the entry `after`."""
    _MENU_ENTRIES[key] = MenuEntry(key, after)


def main_menu_keys(keys: list[str], available) -> list[str]:
    """The demo's main menu: `keys` with the registered entries found in `available` (the demo's
    pages) placed after theirs, in the order they were registered."""
    menu = list(keys)
    for entry in _MENU_ENTRIES.values():
        if entry.key in menu or entry.key not in available:
            continue
        index = menu.index(entry.after) + 1 if entry.after in menu else len(menu)
        menu.insert(index, entry.key)
    return menu
