"""Who an investor can reach, for any page: the promotion body (the footer) and a zone's own
contact points and officers (the zone page's contact block). Here, above both domains, so that
`zones` stays free of `investors`."""

from django import template

from investors.models import OfficerProfile
from portal.cache_outage import TolerantCache
from portal.page_cache import catalogue_version
from zones.models import ContactPoint, Zone

register = template.Library()
# Every page's footer reads it: a Redis that is down must cost a query, never the page.
cache = TolerantCache("default")


@register.simple_tag
def promotion_body() -> ContactPoint | None:
    """The investment promotion body's contact point, or None, for the footer of every page.
    Kept in the cache with the catalogue's version (a saved contact point moves it), so pages
    cost no query for it."""
    key = f"contacts:promotion-body:{catalogue_version()}"
    body = cache.get(key)
    if body is None:
        kind = ContactPoint.Kind.PROMOTION
        body = ContactPoint.objects.provincial().filter(kind=kind).first() or False
        cache.set(key, body, timeout=24 * 60 * 60)
    return body or None


@register.simple_tag
def zone_contact_points(zone: Zone) -> list[ContactPoint]:
    """The zone's managing body and developer. One query."""
    return list(ContactPoint.objects.of_zone(zone))


@register.simple_tag
def zone_officers(zone: Zone) -> list[OfficerProfile]:
    """The officers whose public profile covers the zone. One query."""
    return list(OfficerProfile.objects.covering(zone))
