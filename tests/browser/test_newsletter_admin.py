"""The newsletter as editors use it, in Chromium: the email preview shows the email as subscribers
receive it, and a send is confirmed with its audience counts before anything leaves."""

from datetime import timedelta

from django.utils import timezone

import pytest

from newsletter.models import CampaignSend, NewsletterPage
from tests.browser.conftest import save_screenshot, sign_in_to_admin
from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def log_in(open_page, username, viewport="desktop"):
    page = open_page("/admin/login/", viewport)
    sign_in_to_admin(page, username, DEMO_PASSWORD)
    return page


def demo_issue():
    return NewsletterPage.objects.live().filter(slug="lettre-mai-2026").get()


def test_the_email_preview_shows_the_styled_email_with_its_preheader_hidden(open_page):
    issue = demo_issue()
    page = log_in(open_page, "moderateur")
    page.goto(f"/admin/pages/{issue.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    title = frame.locator("h1")
    title.wait_for()
    assert title.inner_text() == issue.title
    # The inline styles apply: the header band is the mission's blue, the preheader hidden.
    band = title.locator("xpath=..")
    assert band.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(31, 58, 104)"
    assert frame.get_by_text(issue.preheader).is_hidden()
    # "Open in a new tab" shows the same email, full width, for the screenshots.
    for viewport in ("phone", "desktop"):
        tab = log_in(open_page, "moderateur", viewport)
        tab.goto(f"/admin/pages/{issue.pk}/edit/")
        tab.locator("[data-side-panel-toggle='preview']").click()
        tab.frame_locator("#w-preview-iframe").locator("h1").wait_for()
        response = tab.goto(f"/admin/pages/{issue.pk}/edit/preview/?mode=email")
        assert response.headers["content-security-policy"].startswith("sandbox")
        assert (
            tab.locator("h1").evaluate("e => getComputedStyle(e.parentElement).backgroundColor")
            == "rgb(31, 58, 104)"
        )
        assert tab.get_by_text(issue.preheader).is_hidden()
        save_screenshot(tab, "newsletter-email-preview")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_send_is_confirmed_with_its_counts_then_cancelled_before_it_leaves(
    open_page, viewport, mailoutbox
):
    issue = demo_issue()
    page = log_in(open_page, "moderateur", viewport)
    page.goto("/admin/newsletter_sends/new/")
    page.locator("#id_page").select_option(str(issue.pk))
    buyers = page.get_by_label("Acheteur public (")
    assert "destinataire" in buyers.locator("xpath=..").inner_text()
    buyers.check()
    later = timezone.localtime() + timedelta(days=2)
    page.locator("#id_scheduled_at").fill(later.strftime("%Y-%m-%d %H:%M"))
    page.get_by_role("button", name="Vérifier avant l'envoi").click()
    page.wait_for_load_state()
    assert "Confirmer l'envoi" in page.locator("h1").inner_text()
    # Demo: one buyer, plus the subscriber to "all news".
    assert page.locator("[data-send-total]").inner_text() == "2"
    assert not CampaignSend.objects.exists()
    save_screenshot(page, "newsletter-send-confirmation")
    page.get_by_role("button", name="Confirmer et programmer l'envoi").click()
    page.wait_for_load_state()
    send = CampaignSend.objects.get()
    assert send.status == CampaignSend.Status.SCHEDULED
    page.get_by_role("button", name="Annuler l'envoi").click()
    page.wait_for_load_state()
    send.refresh_from_db()
    assert send.status == CampaignSend.Status.CANCELLED
    assert mailoutbox == []
    send.delete()
