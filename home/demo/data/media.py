"""The demo's document and illustration: a PDF guide whose text is given line by line, and a drawing
made with Pillow.
"""

import io

from PIL import Image as PILImage
from PIL import ImageDraw

from .shared import ADDRESS_FR, EMAIL, PHONE

DOCUMENT = {
    "key": "guide",
    "title": "Guide — insérer une clause sociale",
    "filename": "guide-inserer-une-clause-sociale.pdf",
    "lines": [
        "Mission Interinstitutionnelle Clause Sociale 34 — clausesociale34.fr",
        "",
        "1. Repérer les marchés qui s'y prêtent",
        "   Travaux, services, fournitures : tout marché qui génère des heures de travail.",
        "2. Choisir la forme de la clause",
        "   Condition d'exécution (CCP, art. L2112-2), critère d'attribution (L2152-7, R2152-7)",
        "   ou marché réservé (L2113-12 à L2113-14).",
        "3. Fixer le volume d'heures d'insertion",
        "   Le plus souvent, 5 % à 20 % de l'activité induite par le marché.",
        "4. Rédiger les pièces du marché avec le facilitateur de votre territoire",
        "   Règlement de consultation, cahier des clauses administratives particulières.",
        "5. Suivre l'exécution",
        "   Le facilitateur vérifie l'éligibilité des personnes et comptabilise les heures.",
        "",
        "À partir du 22 août 2026 au plus tard, les marchés au-dessus des seuils européens",
        "comportent une considération sociale ou relative à l'emploi (loi Climat et résilience,",
        "art. 35), sauf exception justifiée.",
        "",
        "Contact : " + EMAIL + " — " + PHONE,
        ADDRESS_FR,
    ],
}

IMAGE = {
    "key": "network",
    "title": "Illustration — le réseau des acteurs de la clause sociale",
    "filename": "illustration-reseau-clause-sociale.png",
    "description": "Des cercles de couleur reliés par des traits, comme les membres d'un réseau.",
}


def illustration_png():
    """An abstract drawing in the site's colours: circles joined by lines, like a network of
    actors around a hub. Drawn at double size then reduced, for smooth edges."""
    scale = 2
    width, height = 1200, 675
    canvas = PILImage.new("RGB", (width * scale, height * scale), "#e8eef7")
    draw = ImageDraw.Draw(canvas)
    hub = (600, 338)
    nodes = [
        (180, 150),
        (330, 470),
        (470, 120),
        (760, 110),
        (900, 300),
        (1030, 520),
        (640, 560),
        (240, 330),
        (1060, 150),
        (420, 600),
    ]
    colours = ["#1f3a68", "#b34000", "#f0a868", "#142847", "#c9d1de"]
    for index, (x, y) in enumerate(nodes):
        draw.line(
            [(hub[0] * scale, hub[1] * scale), (x * scale, y * scale)],
            fill="#c9d1de",
            width=6 * scale,
        )
        neighbour = nodes[(index + 3) % len(nodes)]
        draw.line(
            [(x * scale, y * scale), (neighbour[0] * scale, neighbour[1] * scale)],
            fill="#c9d1de",
            width=3 * scale,
        )

    def disc(x, y, radius, fill):
        draw.ellipse(
            [x * scale - radius, y * scale - radius, x * scale + radius, y * scale + radius],
            fill=fill,
        )

    for index, (x, y) in enumerate(nodes):
        disc(x, y, (34 + (index * 7) % 30) * scale, colours[index % len(colours)])
    disc(*hub, 92 * scale, "#b34000")
    disc(*hub, 52 * scale, "#ffffff")
    canvas = canvas.resize((width, height), PILImage.LANCZOS)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
