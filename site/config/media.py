"""Local media served by Django itself (SERVE_MEDIA): any name the file system refuses (too long,
invalid) is a missing file, 404, not a 500."""

from django.conf import settings
from django.http import Http404
from django.views.static import serve


def serve_media(request, path):
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError) as error:
        # OSError: ENAMETOOLONG and the like; ValueError: an embedded NUL byte.
        raise Http404(path[:100]) from error
