"""How many people a send would reach, before it is created: what the send form and its
confirmation show the editor (subscribers of each audience, "all news" included, less the
suppressed addresses, which the ledger would record as excluded)."""

from dataclasses import dataclass, field

from .. import subscriptions
from ..models import AudienceKey, Purpose, Suppression, normalise_email


@dataclass
class Reach:
    """Confirmed newsletter subscribers: for each, the ids of their audiences, and whether they
    receive every issue ("all news"); `suppressed` are the ids whose address is suppressed."""

    audiences_of: dict = field(default_factory=dict)
    all_news: set = field(default_factory=set)
    suppressed: set = field(default_factory=set)

    def _matches(self, audience_ids):
        wanted = set(audience_ids)
        return {pk for pk, ids in self.audiences_of.items() if pk in self.all_news or ids & wanted}

    def recipients(self, audience_ids):
        """How many messages a send to these audiences would leave with."""
        return len(self._matches(audience_ids) - self.suppressed)

    def excluded(self, audience_ids):
        """How many subscribers of these audiences a send would skip (suppressed addresses)."""
        return len(self._matches(audience_ids) & self.suppressed)


def current_reach() -> Reach:
    """The reach of every audience now: two queries (subscribers with their audiences, then the
    suppression list for their addresses), counted in Python."""
    reach = Reach()
    emails = {}
    rows = (
        subscriptions.subscribed(Purpose.NEWSLETTER)
        .order_by()
        .values_list("pk", "email", "audiences", "audiences__key")
    )
    for pk, email, audience_id, key in rows:
        emails[pk] = email
        ids = reach.audiences_of.setdefault(pk, set())
        if audience_id is not None:
            ids.add(audience_id)
        if key == AudienceKey.ALL_NEWS:
            reach.all_news.add(pk)
    blocked = Suppression.objects.suppressed(emails.values())
    reach.suppressed.update(pk for pk, email in emails.items() if normalise_email(email) in blocked)
    return reach
