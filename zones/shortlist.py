"""The visitor's shortlist of zones, kept in their session (only once they use it)."""

from django.conf import settings

SESSION_KEY = "shortlist"
MAX_SHORTLIST = 10


def shortlist_get(request):
    """The shortlisted slugs. Reads the session only if the visitor has one, so that pages
    for visitors without a shortlist neither set a cookie nor vary on it."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return []
    return list(request.session.get(SESSION_KEY, []))


def shortlist_toggle_zone(request, slug):
    slugs = list(request.session.get(SESSION_KEY, []))
    if slug in slugs:
        slugs.remove(slug)
    else:
        slugs = (slugs + [slug])[-MAX_SHORTLIST:]
    request.session[SESSION_KEY] = slugs
    return slugs
