"""What differs from one recipient to the next: the greeting and the signed links."""

from django.urls import reverse
from django.utils import translation

from .. import subscriptions
from ..rendering import salutation

LINK_SLOT = "__slot__"


class LinkTemplates:
    """The per-recipient links, from one reverse() per language and a signed token each."""

    def __init__(self):
        self._cache = {}

    def __call__(self, name, language, token):
        key = (name, language)
        if key not in self._cache:
            with translation.override(language):
                path = reverse(name, kwargs={"token": LINK_SLOT})
            self._cache[key] = subscriptions.absolute_url(path)
        return self._cache[key].replace(LINK_SLOT, token)


def recipient_values(subscriber, links):
    token = subscriptions.subscriber_token(subscriber)
    language = subscriber.language
    return {
        "salutation": salutation(subscriber.name),
        "preferences_url": links("newsletter:preferences", language, token),
        "unsubscribe_url": links("newsletter:unsubscribe", language, token),
        "one_click_url": links("newsletter_one_click", language, token),
    }
