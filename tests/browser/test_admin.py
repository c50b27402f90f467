"""The Wagtail admin under its Content Security Policy (config.middleware): the pages editors use
every day load without a single violation, so the policy protects without breaking the admin."""

from django.contrib.auth import get_user_model

from wagtail.models import Page

import pytest

from tests.browser.conftest import sign_in_to_admin

pytestmark = pytest.mark.browser

PASSWORD = "mot-de-passe-du-test-csp-0123"


@pytest.fixture
def admin_page(browser, site_server, db):
    get_user_model().objects.create_superuser("csp-admin", "csp@example.org", PASSWORD)
    context = browser.new_context(locale="fr-FR", base_url=site_server.url)
    page = context.new_page()
    page.violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.violations.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: page.violations.append(str(error)))
    sign_in_to_admin(page, "csp-admin", PASSWORD)
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def test_the_admin_is_served_with_its_content_security_policy(admin_page):
    response = admin_page.goto("/admin/")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy


def test_everyday_admin_pages_load_without_a_csp_violation(admin_page):
    home = Page.objects.filter(depth=2).first()
    paths = [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{home.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
        "/admin/2fa/",
        "/django-admin/",
    ]
    for path in paths:
        response = admin_page.goto(path)
        assert response.status < 400, path
        admin_page.wait_for_load_state("networkidle")
    assert admin_page.violations == []


def test_an_uploaded_document_gets_the_title_the_editor_corrects(admin_page, tmp_path):
    from wagtail.documents import get_document_model

    from core.factories import pdf_bytes

    # "Ajouter un document" from the documents' listing: the form that asks the title.
    admin_page.goto("/admin/documents/multiple/add/")
    assert admin_page.url.endswith("/admin/documents/add/")
    upload = tmp_path / "guide_achat_v3_final.pdf"
    upload.write_bytes(pdf_bytes("Guide", ["Texte"]))
    admin_page.locator("#id_file").set_input_files(str(upload))
    title = admin_page.locator("#id_title")
    # Prefilled from the file's name as the file is chosen (Wagtail's w-sync controller, after
    # its event loop turn), for the editor to correct.
    for _ in range(50):
        if title.input_value():
            break
        admin_page.wait_for_timeout(100)
    assert "guide" in title.input_value().lower()
    title.fill("Guide de l'achat socialement responsable")
    admin_page.locator("form[enctype] button[type='submit']").first.click()
    admin_page.wait_for_url("**/admin/documents/")
    assert (
        get_document_model()
        .objects.filter(
            title="Guide de l'achat socialement responsable", file__contains="guide_achat_v3_final"
        )
        .exists()
    )
    assert admin_page.violations == []
