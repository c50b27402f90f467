"""Plain text out of PDF (pypdf), DOCX and ODT files (zip archives of XML, read with the standard
library). Each function returns (status, text, error) and never raises on a bad file."""

import io
import re
import zipfile
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from .models.documents import ExtractionStatus

MAX_TEXT_LENGTH = 500_000
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
# A zip bomb would expand far beyond this before we read its XML.
MAX_XML_BYTES = 50 * 1024 * 1024


def _clean(text):
    text = re.sub(r"[ \t\r\f\v]+", " ", text.replace("\x00", " "))
    text = re.sub(r"\n\s*\n+", "\n", text)
    return text.strip()[:MAX_TEXT_LENGTH]


def extract_pdf(data):
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # A PDF with an owner password only opens with an empty user password; one that needs a
            # password to be read is reported to the editor.
            try:
                if not reader.decrypt(""):
                    return ExtractionStatus.ENCRYPTED, "", "Mot de passe requis"
            except (NotImplementedError, FileNotDecryptedError) as error:
                return ExtractionStatus.ENCRYPTED, "", str(error)[:300]
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except FileNotDecryptedError as error:
        return ExtractionStatus.ENCRYPTED, "", str(error)[:300]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        return ExtractionStatus.FAILED, "", f"{type(error).__name__}: {error}"[:300]
    except Exception as error:  # pypdf raises many kinds on a damaged file
        return ExtractionStatus.FAILED, "", f"{type(error).__name__}: {error}"[:300]
    return _text_status(text)


def _read_zip_member(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
        if info.file_size > MAX_XML_BYTES:
            raise ValueError("Fichier XML trop volumineux")
        return archive.read(name)


def _paragraph_text(root, paragraph_tags, text_tags, break_tags):
    lines = []
    for paragraph in root.iter():
        if paragraph.tag not in paragraph_tags:
            continue
        parts = []
        for node in paragraph.iter():
            if node.tag in text_tags and node.text:
                parts.append(node.text)
            elif node.tag in break_tags:
                parts.append(" ")
            if node is not paragraph and node.tail and node.tag.startswith(ODF_TEXT_NS):
                parts.append(node.tail)
        lines.append("".join(parts))
    return "\n".join(lines)


def _zip_xml_root(data, member):
    """(the parsed root of `member` in the zip archive `data`, None) or (None, the failure)."""
    try:
        return SafeElementTree.fromstring(_read_zip_member(data, member)), None
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        ElementTree.ParseError,
        DefusedXmlException,
        OSError,
    ) as error:
        return None, (ExtractionStatus.FAILED, "", f"{type(error).__name__}: {error}"[:300])


def extract_docx(data):
    root, failure = _zip_xml_root(data, "word/document.xml")
    if failure:
        return failure
    text = _paragraph_text(root, {WORD_NS + "p"}, {WORD_NS + "t"}, {WORD_NS + "tab"})
    return _text_status(text)


def extract_odt(data):
    root, failure = _zip_xml_root(data, "content.xml")
    if failure:
        return failure
    lines = []
    for node in root.iter():
        if node.tag in (ODF_TEXT_NS + "p", ODF_TEXT_NS + "h"):
            lines.append("".join(node.itertext()))
    return _text_status("\n".join(lines))


def _text_status(text):
    text = _clean(text)
    if not text:
        return ExtractionStatus.EMPTY, "", ""
    return ExtractionStatus.OK, text, ""


EXTRACTORS = {"pdf": extract_pdf, "docx": extract_docx, "odt": extract_odt}


def extract_text(filename, data):
    """(status, text, error) for a file named `filename` whose content is `data`."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    extractor = EXTRACTORS.get(extension)
    if extractor is None:
        return ExtractionStatus.UNSUPPORTED, "", ""
    return extractor(data)
