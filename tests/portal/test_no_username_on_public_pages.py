"""Investors see a chosen profile of staff, never a login: no username on any public page."""

import pytest

from investors.models import Inquiry, OfficerProfile
from tests.factories import InquiryFactory, UserFactory
from zones.models import Zone

pytestmark = pytest.mark.django_db

USERNAMES = ("login_hoangha", "login_noprofile")


@pytest.fixture
def officers(langson):
    named = UserFactory(username=USERNAMES[0], first_name="Hà", is_staff=True)
    profile = OfficerProfile.objects.create(user=named, display_name="Bà Hoàng Thu Hà")
    profile.zones.set(Zone.objects.all())
    anonymous = UserFactory(username=USERNAMES[1], is_staff=True)
    OfficerProfile.objects.create(user=anonymous).zones.set(Zone.objects.all())
    return [
        InquiryFactory(assignee=named, status=Inquiry.Status.SITE_VISIT),
        InquiryFactory(assignee=anonymous, status=Inquiry.Status.CONTACTED),
    ]


def public_pages():
    paths = ["/", "/zones/", "/plots/", "/contact/", "/inquire/", "/inquire/status/", "/privacy/"]
    paths += [zone.get_absolute_url() for zone in Zone.objects.published()]
    for prefix in ("", "/en", "/zh-hans"):
        yield from (prefix + path for path in paths)


def test_no_username_appears_on_any_public_page(client, officers):
    pages = list(public_pages())
    assert len(pages) > 20
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        for username in USERNAMES:
            assert username not in response.content.decode(), path
    for inquiry in officers:
        for prefix in ("", "/en"):
            data = {"reference": inquiry.reference, "email": inquiry.email}
            response = client.post(f"{prefix}/inquire/status/", data)
            assert 'id="officer"' in response.content.decode()
            for username in USERNAMES:
                assert username not in response.content.decode()


def test_no_username_appears_on_the_visit_booking_pages(client, officers):
    """The booking form, its thanks page and the status page once the officer confirmed the
    visit: each names the officer by the profile or as the team."""
    import datetime

    from investors.models import SiteVisit
    from investors.services import site_visit_confirmed, status_token
    from zones.models import Plot, Sector

    hong_phong = Zone.objects.get(slug="hong-phong")
    plot = Plot.objects.published().available().filter(zone=hong_phong).first()
    first = datetime.date.today() + datetime.timedelta(days=30)
    for prefix in ("", "/en", "/zh-hans"):
        pages = [
            client.get(f"{prefix}/inquire/visit/new/?zone=hong-phong"),
            client.get(f"{prefix}/inquire/visit/new/?plot={plot.reference}"),
            client.get(plot.get_absolute_url()),
        ]
        booking = {
            "company_name": "Guangxi Border Materials Co.",
            "contact_name": "Wang Li",
            "email": f"wang{len(prefix)}@example.cn",
            "country": "CN",
            "sector": str(Sector.objects.first().pk),
            "consent": "on",
            "form_token": f"00000000-0000-4000-8000-00000000000{len(prefix)}",
            "zone": str(hong_phong.pk),
            "preferred_from": first.isoformat(),
            "preferred_to": first.isoformat(),
            "people": "2",
        }
        assert client.post(f"{prefix}/inquire/visit/new/", booking).status_code == 302
        pages.append(client.get(f"{prefix}/inquire/thanks/"))
        visit = SiteVisit.objects.get(inquiry__email=booking["email"])
        for officer in (officers[0].assignee, officers[1].assignee):
            visit.status = SiteVisit.Status.CONFIRMED
            visit.officer = officer
            hour = datetime.time(8 + len(prefix))  # one officer, one visit at a time
            visit.starts_at = datetime.datetime.combine(first, hour).astimezone()
            visit.save()
            site_visit_confirmed(visit=visit)
            pages.append(client.get(f"{prefix}/inquire/status/?t={status_token(visit.inquiry)}"))
        for response in pages:
            assert response.status_code == 200, response.request["PATH_INFO"]
            for username in USERNAMES:
                assert username not in response.content.decode(), response.request["PATH_INFO"]
        assert "timeline-visit" in pages[-1].content.decode()
