from django.db.models import Prefetch, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control

from investors.models import OfficerProfile
from portal.links import absolute_url
from zones.models import ContactPoint, Zone


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


def contact(request):
    """Every body an investor can reach, the province's first, then each zone's, with the
    officers who cover the zones."""
    zone_points = ContactPoint.objects.published().filter(zone__isnull=False)
    zones = (
        Zone.objects.published()
        .filter(
            Q(contact_points__in=zone_points)
            | Q(officer_profiles__in=OfficerProfile.objects.public())
        )
        .distinct()
        .prefetch_related(
            Prefetch("contact_points", queryset=zone_points.order_by("-kind", "position")),
            Prefetch("officer_profiles", queryset=OfficerProfile.objects.public()),
        )
    )
    context = {"provincial": ContactPoint.objects.provincial(), "zones": zones}
    return render(request, "portal/contact.html", context)


def favicon_ico(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links to: send them to the
    icon among the static files (hashed name, cached for a year). The redirect itself is cached
    for a day only, as the hash changes when the icon does."""
    response = HttpResponseRedirect(static("favicon.ico"))
    patch_cache_control(response, public=True, max_age=86_400)
    return response
