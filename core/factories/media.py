"""Files for tests and the demo: a one-page PDF and a PNG made in memory, and the Wagtail document
and image factories that use them."""

import io

from wagtail.models import Collection

import factory
import wagtail_factories
from PIL import Image as PILImage


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(title, lines):
    """A valid one-page A4 PDF that prints `title` and `lines` in Helvetica (WinAnsi encoding, so
    French accents, « guillemets » and dashes come out right). No dependency beyond the standard
    library; long lines are not wrapped, keep them under ~90 characters."""
    content = [
        "BT",
        "/F1 16 Tf",
        "56 780 Td",
        f"({_pdf_escape(title)}) Tj",
        "/F1 11 Tf",
        "16 TL",
        "0 -12 Td",
    ]
    for line in lines:
        content.append(f"T* ({_pdf_escape(line)}) Tj")
    content.append("ET")
    stream = "\n".join(content).encode("cp1252", errors="replace")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Title (" + _pdf_escape(title).encode("cp1252", errors="replace") + b") >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref_offset = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n".encode())
    out.write(b"0000000000 65535 f \n")
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref_offset}\n%%EOF\n".encode()
    )
    return out.getvalue()


def png_bytes(width=1200, height=675, color=(0, 94, 115)):
    """A plain PNG of the given size and colour."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


# --- Wagtail documents and images ---------------------------------------------------------------


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A one-page PDF in the root collection."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = "Guide — insérer une clause sociale"
    file = factory.django.FileField(
        filename="guide-clause-sociale.pdf",
        data=factory.LazyAttribute(
            lambda _: pdf_bytes(
                "Guide — insérer une clause sociale",
                [
                    "Réserver 5 % à 20 % de l'activité induite à des personnes éloignées de l'emploi."
                ],
            )
        ),
    )


class ImageFactory(wagtail_factories.ImageFactory):
    """A plain PNG in the root collection."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = "Illustration"
    description = "Aplat de couleur bleu canard"
    file = factory.django.ImageField(
        filename="illustration.png", width=1200, height=675, color="#005e73", format="PNG"
    )
