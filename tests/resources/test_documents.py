"""Text extraction from attached documents: a phrase found only in a PDF, DOCX or ODT finds the
resource; a damaged or encrypted file is stored, flagged to the editor, and adds nothing to the index."""

import datetime
import io
import zipfile

from django.core.files.base import ContentFile

import pytest

from core.factories import DocumentFactory, pdf_bytes
from resources.extraction import extract_text
from resources.models import DocumentText, ExtractionStatus

from .conftest import make_resource

PDF_PHRASE = "Pénalité de cinquante euros par heure manquante"


def encrypted_pdf():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Secret", [PDF_PHRASE]))))
    writer.encrypt(user_password="motdepasse", owner_password="proprietaire", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def odt_bytes(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            f"<text:h>Titre</text:h><text:p>{text}</text:p></office:text></office:body>"
            "</office:document-content>",
        )
    return buffer.getvalue()


def document(name, data):
    return DocumentFactory(title=name, file=ContentFile(data, name=name))


def resource_with(hub, doc):
    return make_resource(
        hub,
        "Clause type avec document",
        "Un modèle à télécharger.",
        "Voir le document joint.",
        datetime.date(2025, 5, 5),
        kind="model_clause",
        documents=[doc],
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("clause.pdf", pdf_bytes("Clause", [PDF_PHRASE])),
        ("clause.docx", docx_bytes(PDF_PHRASE)),
        ("clause.odt", odt_bytes(PDF_PHRASE)),
    ],
)
def test_a_phrase_only_in_the_attached_document_finds_the_resource(client, hub, name, data):
    doc = document(name, data)
    assert DocumentText.objects.get(document=doc).status == ExtractionStatus.OK
    resource_with(hub, doc)
    response = client.get(hub.url, {"q": '"cinquante euros par heure"'})
    assert [entry["page"].title for entry in response.context["entries"]] == [
        "Clause type avec document"
    ]
    assert "<mark>cinquante</mark>" in response.content.decode()


def test_document_extracted_after_the_resource_is_saved_is_indexed(client, hub):
    doc = document("tardif.pdf", b"%PDF-1.4 pas encore lisible")
    resource_with(hub, doc)
    assert client.get(hub.url, {"q": "cinquante"}).context["entries"] == []
    doc.file = ContentFile(pdf_bytes("Clause", [PDF_PHRASE]), name="tardif.pdf")
    doc.file_hash = ""
    doc.save()
    assert len(client.get(hub.url, {"q": "cinquante"}).context["entries"]) == 1


def test_corrupt_pdf_is_stored_and_flagged_without_text(client, hub):
    doc = document("abime.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> cinquante euros")
    record = DocumentText.objects.get(document=doc)
    assert record.status in (ExtractionStatus.FAILED, ExtractionStatus.EMPTY)
    assert record.text == ""
    resource_with(hub, doc)
    assert client.get(hub.url, {"q": "cinquante"}).context["entries"] == []


def test_encrypted_pdf_is_stored_and_flagged_as_encrypted(client, hub):
    doc = document("secret.pdf", encrypted_pdf())
    record = DocumentText.objects.get(document=doc)
    assert record.status == ExtractionStatus.ENCRYPTED
    assert record.text == ""
    resource_with(hub, doc)
    assert client.get(hub.url, {"q": "cinquante"}).context["entries"] == []


def test_damaged_docx_and_unknown_formats_do_not_raise():
    assert extract_text("x.docx", b"not a zip")[0] == ExtractionStatus.FAILED
    assert extract_text("x.odt", b"PK\x03\x04 broken")[0] == ExtractionStatus.FAILED
    assert extract_text("x.xlsx", b"whatever")[0] == ExtractionStatus.UNSUPPORTED


def test_xml_entity_bomb_in_a_docx_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", bomb)
    assert extract_text("bombe.docx", buffer.getvalue())[0] == ExtractionStatus.FAILED


def test_extraction_status_is_listed_for_editors(admin_client, hub):
    document("secret.pdf", encrypted_pdf())
    response = admin_client.get("/admin/resources/document-texts/")
    assert response.status_code == 200
    assert "Protégé par mot de passe" in response.content.decode()
