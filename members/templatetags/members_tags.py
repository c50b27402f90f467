"""What the network space's navigation shows a person."""

from django import template

from ..roster import can_manage_members as _can_manage_members

register = template.Library()


@register.simple_tag
def can_manage_members(user):
    return _can_manage_members(user)
