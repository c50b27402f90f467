"""Charts drawn on the server as SVG: no script, no canvas, readable by anyone.

Each chart is a horizontal bar chart (`role="img"`, a `<title>` and a `<desc>` that says what the
chart shows in words); every bar carries its value as text, so no meaning rests on colour. A second
series (hours planned beside hours achieved) is told apart by a hatching pattern and the legend, in
colours of the Okabe-Ito palette, which colour-blind readers tell apart. The page puts each chart's
data table beside it.
"""

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH = 400
LABEL_HEIGHT = 16
BAR_HEIGHT = 14
GAP = 10
VALUE_ROOM = 80
# Okabe-Ito: blue and vermilion, distinct for the common colour-vision deficiencies.
SERIES_STYLES = [
    {"fill": "#0057a0", "pattern": False},
    {"fill": "#b34a00", "pattern": True},
]


def fmt(value):
    return number_format(value, force_grouping=True)


def describe(title, labels, values, unit):
    """The chart's text alternative: what it shows, the largest and the smallest value."""
    if not values or not any(values):
        return _("%(title)s : aucune donnée validée pour cette sélection.") % {"title": title}
    pairs = list(zip(labels, values, strict=True))
    high = max(pairs, key=lambda pair: pair[1])
    low = min(pairs, key=lambda pair: pair[1])
    text = ngettext(
        "%(title)s, %(count)s valeur. La plus élevée : %(high_label)s, %(high)s %(unit)s.",
        "%(title)s, %(count)s valeurs. La plus élevée : %(high_label)s, %(high)s %(unit)s.",
        len(pairs),
    ) % {
        "title": title,
        "count": len(pairs),
        "high_label": high[0],
        "high": fmt(high[1]),
        "unit": unit,
    }
    if len(pairs) > 1:
        text += " " + _("La plus faible : %(low_label)s, %(low)s %(unit)s.") % {
            "low_label": low[0],
            "low": fmt(low[1]),
            "unit": unit,
        }
    return text


def bar_chart(chart_id, title, labels, series, unit):
    """`series`: [(name, values)], one or two; returns the SVG markup and its description."""
    description = describe(title, labels, series[0][1], unit)
    peak = max([max(values, default=0) for _name, values in series] + [1])
    scale = (WIDTH - VALUE_ROOM) / peak
    row_height = LABEL_HEIGHT + len(series) * (BAR_HEIGHT + 2) + GAP
    legend_height = 24 if len(series) > 1 else 0
    height = legend_height + row_height * max(len(labels), 1)
    parts = [
        f'<svg class="obs-chart__svg" id="{chart_id}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        "<defs>"
        f'<pattern id="{chart_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{SERIES_STYLES[1]["fill"]}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/>'
        "</pattern></defs>",
    ]

    def fill(index):
        style = SERIES_STYLES[index]
        return f"url(#{chart_id}-hatch)" if style["pattern"] else style["fill"]

    if len(series) > 1:
        x = 0
        for index, (name, _values) in enumerate(series):
            parts.append(
                f'<rect x="{x}" y="4" width="14" height="14" fill="{fill(index)}" '
                'stroke="#1b1b1b" stroke-width="0.5"/>'
                f'<text x="{x + 20}" y="16" font-size="12" fill="#1b1b1b">{escape(name)}</text>'
            )
            x += 30 + 7 * len(str(name))
    for row, label in enumerate(labels):
        y = legend_height + row * row_height
        parts.append(
            f'<text x="0" y="{y + 12}" font-size="12" fill="#1b1b1b">{escape(label)}</text>'
        )
        for index, (_name, values) in enumerate(series):
            value = values[row]
            bar_y = y + LABEL_HEIGHT + index * (BAR_HEIGHT + 2)
            width = max(round(value * scale, 1), 1 if value else 0)
            parts.append(
                f'<rect x="0" y="{bar_y}" width="{width}" height="{BAR_HEIGHT}" '
                f'fill="{fill(index)}"/>'
                f'<text x="{width + 4}" y="{bar_y + 11}" font-size="11" fill="#1b1b1b">'
                f"{escape(fmt(value))}</text>"
            )
    parts.append("</svg>")
    # Every text above went through escape(); the rest is markup written here.
    return mark_safe("".join(parts)), description  # noqa: S308
