"""Template filters of the agenda's own templates."""

from django import template

from ..schedule import format_moment

register = template.Library()


@register.filter
def moment(value):
    """An aware datetime as people read it, in Paris time ("jeudi 3 décembre 2026 à 8 h 21")."""
    return format_moment(value) if value else ""
