"""The procurement watch's section of the members' home (core.sections): the notices the member
follows or is assigned, soonest deadline first. Apart from tenders.network because it reads the
watch page (tenders.models.pages imports the views, which import tenders.network)."""

from django.db.models import Q

from .buyers import buyers_to_meet
from .models.followups import NoticeAssignment
from .models.notices import Notice
from .models.pages import WatchPage
from .network import member_territories
from .territories import TerritoryIndex, territories_q

MEMBERS_SECTION_LIMIT = 10


def members_section(request, members_home):
    """The members' home section (core.sections): the notices the member follows or is assigned,
    and the way to "les acheteurs à rencontrer" of the member's territories."""
    watch = WatchPage.objects.live().first()
    if watch is None:
        return None
    user = request.user
    notices = (
        Notice.objects.filter(Q(follows__user=user) | Q(assignment__facilitator=user))
        .distinct()
        .order_by("deadline", "-published_on")
    )
    assigned = set(
        NoticeAssignment.objects.filter(facilitator=user).values_list("notice_id", flat=True)
    )
    items = [
        {
            "notice": notice,
            "url": f"{watch.url}avis/{notice.idweb}/",
            "assigned": notice.pk in assigned,
        }
        for notice in notices[:MEMBERS_SECTION_LIMIT]
    ]
    own = member_territories(user)
    where = territories_q(own, TerritoryIndex.load()) if own else None
    return {
        "items": items,
        "count": notices.count(),
        "watch": watch,
        "buyers_url": f"{watch.url}acheteurs-a-rencontrer/",
        "buyers_count": len(buyers_to_meet(where)),
        "buyers_own": bool(own),
    }
