from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from investors.models import OfficerProfile
from portal.links import absolute_url
from zones.models import ContactPoint, Zone


def robots_txt(request):
    """Search engines: everything public, but not the admin, the forms or the developers' pages."""
    lines = ["User-agent: *"]
    for prefix in ("", "/en", "/zh-hans"):
        lines += [f"Disallow: {prefix}/inquire/", f"Disallow: {prefix}/developer/"]
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
