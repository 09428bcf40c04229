from django.http import HttpResponse
from django.urls import reverse

from portal.links import absolute_url


def robots_txt(request):
    """Search engines: everything public, but not the admin, the forms or the developers' pages."""
    lines = ["User-agent: *"]
    for prefix in ("", "/en", "/zh-hans"):
        lines += [f"Disallow: {prefix}/inquire/", f"Disallow: {prefix}/developer/"]
    lines += ["Disallow: /admin/", f"Sitemap: {absolute_url(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
