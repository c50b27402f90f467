"""Fixtures of the newsletter tests: the audiences, and confirmed subscribers made by the factories."""

import pytest


@pytest.fixture
def audiences(db):
    from newsletter.models import Audience

    return {audience.key: audience for audience in Audience.ensure_defaults()}


@pytest.fixture
def subscriber(audiences):
    from newsletter.factories import SubscriberFactory

    return SubscriberFactory(email="camille@example.org", audiences=[audiences["public_buyer"]])
