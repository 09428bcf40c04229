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
