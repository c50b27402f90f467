"""An uploaded document carries the title an editor sets, not its file name: the admin's upload
asks for a title (prefilled from the file name as the file is chosen, editable), in the documents'
menu and in the chooser of a resource's attachments."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model

from core.factories import pdf_bytes


def upload(name="guide_achat_v3_final.pdf"):
    return SimpleUploadedFile(name, pdf_bytes("Guide", ["Texte"]), "application/pdf")


def test_adding_documents_goes_to_the_form_that_asks_their_title(admin_client):
    response = admin_client.get(reverse("wagtaildocs:add_multiple") + "?collection_id=1")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtaildocs:add") + "?collection_id=1"
    form = admin_client.get(response["Location"]).content.decode()
    # The title input is required and the file input fills it from the file's name (Wagtail's
    # w-sync controller), for the editor to correct.
    assert 'name="title"' in form and "required" in form.split('name="title"', 1)[1][:300]
    assert "wagtail:documents-upload" in form


def test_a_document_is_saved_under_the_title_the_editor_wrote(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Guide de l'achat socialement responsable", "file": upload(), "collection": 1},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.title == "Guide de l'achat socialement responsable"


def test_a_document_without_a_title_is_refused_with_a_french_message(admin_client):
    response = admin_client.post(reverse("wagtaildocs:add"), {"file": upload(), "collection": 1})
    assert response.status_code == 200
    assert "Champ requis." in response.content.decode()
    assert not get_document_model().objects.exists()


def test_the_choosers_upload_asks_the_title_too(admin_client):
    chooser = admin_client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]
    assert 'name="document-chooser-upload-title"' in chooser
    url = reverse("wagtaildocs_chooser:create")
    response = admin_client.post(
        url, {"document-chooser-upload-file": upload(), "document-chooser-upload-collection": 1}
    )
    assert "Champ requis." in response.json()["htmlFragment"]
    assert get_document_model().objects.count() == 0
    response = admin_client.post(
        url,
        {
            "document-chooser-upload-title": "Clause sociale type",
            "document-chooser-upload-file": upload(),
            "document-chooser-upload-collection": 1,
        },
    )
    assert response.json()["step"] == "chosen"
    assert get_document_model().objects.get().title == "Clause sociale type"
