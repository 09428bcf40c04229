from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control

from portal.links import absolute_url


def robots_txt(request):
    """Search engines: everything public, but not the admin, the developers' pages or what an
    investor sees after sending an inquiry. The inquiry form and the status look-up are pages
    an investor should find from a search (they hold no one's data until a form is sent, and
    their canonical link drops the ?zone=… of the links to them)."""
    lines = ["User-agent: *"]
    for prefix in ("", "/en", "/zh-hans"):
        lines += [f"Disallow: {prefix}/inquire/thanks/", f"Disallow: {prefix}/developer/"]
    lines += ["Disallow: /admin/", f"Sitemap: {absolute_url(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon_ico(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links to: send them to the
    icon among the static files (hashed name, cached for a year). The redirect itself is cached
    for a day only, as the hash changes when the icon does."""
    response = HttpResponseRedirect(static("favicon.ico"))
    patch_cache_control(response, public=True, max_age=86_400)
    return response
