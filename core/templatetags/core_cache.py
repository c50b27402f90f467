"""`{% cached_fragment "name" part ... %}…{% endcached_fragment %}`: a fragment of a template kept per
generation of the page cache (core.cache.fragments), for the parts of a page that are the same for
every visitor.

The parts say what the fragment varies on besides the language and the site (a page's id for a menu
that marks the current page); each must be bounded, never visitor input. A part that is empty or
None renders the fragment without the cache (a page not saved yet, a view that is not a page).
What the fragment sets in the context (`{% … as name %}`) stays inside it: a cached copy sets
nothing."""

from django import template

from core.cache.fragments import cached_fragment

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        request = context.get("request")
        if request is None or any(part is None or part == "" for part in parts):
            return self.nodelist.render(context)
        # A context without the CSRF token renders forms without one: never shared with one that has.
        parts.append("csrf" if context.get("csrf_token") else "no-csrf")
        with context.push():
            return cached_fragment(
                request, self.name.resolve(context), parts, lambda: self.nodelist.render(context)
            )


@register.tag("cached_fragment")
def do_cached_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes a fragment name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
