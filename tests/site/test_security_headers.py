"""Response headers set site-wide (config.middleware): a Permissions-Policy on every response, and a
Content Security Policy on the admins, which django-csp leaves out."""

import pytest

pytestmark = pytest.mark.django_db


def directives(header):
    return {
        part.strip().split(" ", 1)[0]: part.strip().split(" ", 1)[1:]
        for part in header.split(";")
        if part.strip()
    }


@pytest.mark.parametrize("path", ["/", "/healthz", "/admin/login/", "/robots.txt"])
def test_every_response_denies_camera_microphone_and_location(client, home_page, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_the_permissions_policy_leaves_video_frames_their_fullscreen_and_autoplay(
    client, home_page
):
    policy = client.get("/")["Permissions-Policy"]
    assert "fullscreen" not in policy and "autoplay" not in policy


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/"])
def test_the_admins_have_a_content_security_policy(client, path):
    response = client.get(path)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_the_public_site_keeps_its_strict_policy(client, home_page):
    policy = directives(client.get("/")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
