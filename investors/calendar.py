"""The calendar invitation (.ics) for a confirmed site visit, in the investor's language and
Lạng Sơn's time zone, built with icalendar (RFC 5545)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .models import LANG_SON, SiteVisit, officer_public_name


def site_visit_ics(visit: SiteVisit, *, cancelled: bool = False) -> str:
    """The invitation (or its cancellation) as text; call inside the investor's language."""
    inquiry = visit.inquiry
    calendar = Calendar()
    calendar.add("prodid", "-//Lang Son industrial land portal//site visits//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    event.add("uid", f"site-visit-{visit.pk}@{host}")
    event.add("sequence", 1 if cancelled else 0)
    event.add("dtstamp", timezone.now())
    if visit.starts_at is None or visit.ends_at is None:
        raise ValueError("A site visit is only sent once its time is confirmed.")
    event.add("dtstart", visit.starts_at.astimezone(LANG_SON))
    event.add("dtend", visit.ends_at.astimezone(LANG_SON))
    place = visit.zone.name if visit.zone else _("Lạng Sơn")
    event.add("summary", _("Khảo sát thực địa: %(place)s") % {"place": place})
    event.add("location", place)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    profile = getattr(visit.officer, "officer_profile", None)
    officer_name = str(officer_public_name(visit.officer))
    lines = [
        _("Hồ sơ %(reference)s") % {"reference": inquiry.reference},
        _("Cán bộ dẫn đoàn: %(name)s") % {"name": officer_name},
    ]
    if profile and profile.display_name and profile.office_phone:
        lines.append(profile.office_phone)
    event.add("description", "\n".join(lines))
    organizer_email = (profile and profile.display_name and profile.office_email) or (
        settings.INVESTMENT_PROMOTION_EMAIL
    )
    organizer = vCalAddress(f"mailto:{organizer_email}")
    organizer.params["cn"] = vText(officer_name)
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{inquiry.email}")
    attendee.params["cn"] = vText(inquiry.contact_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    event.add("attendee", attendee)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()
