"""Compare zones side by side, and the shortlist that feeds it."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ZoneFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 4])
def test_compare_up_to_four_zones_side_by_side(client, count):
    zones = [ZoneFactory(slug=f"z{i}", name=f"Zone {i}") for i in range(count)]
    response = client.get("/zones/compare/?zones=" + ",".join(z.slug for z in zones))
    assert response.status_code == 200
    assert [z.slug for z in response.context["zones"]] == [z.slug for z in zones]
    assertNotContains(response, 'id="too-many"')


def test_five_zones_are_too_many_and_say_so(client):
    zones = [ZoneFactory(slug=f"z{i}") for i in range(5)]
    response = client.get("/zones/compare/?zones=" + ",".join(z.slug for z in zones))
    assert response.status_code == 400
    assertContains(response, 'id="too-many"', status_code=400)
    assertContains(response, "tối đa 4 khu", status_code=400)
    assert len(response.context["zones"]) == 4


def test_the_shortlist_lives_in_the_session_feeds_compare_and_the_inquiry_form(client):
    first, second = ZoneFactory(slug="first"), ZoneFactory(slug="second")
    client.post("/zones/first/shortlist/", {"next": "/zones/"})
    response = client.post("/zones/second/shortlist/", {"next": "https://evil.example/"})
    assert response["Location"] == "/zones/compare/"  # never off-site

    compare = client.get("/zones/compare/")
    assert [z.slug for z in compare.context["zones"]] == ["first", "second"]
    assertContains(compare, "?zones=first,second")
    form = client.get("/inquire/").context["form"]
    assert {z.pk for z in form["zones"].initial} == {first.pk, second.pk}

    client.post("/zones/first/shortlist/", {"next": "/zones/"})  # a second press removes it
    assert [z.slug for z in client.get("/zones/compare/").context["zones"]] == ["second"]


def test_catalogue_pages_set_no_cookie_for_a_visitor_without_a_shortlist(client):
    zone = ZoneFactory()
    for url in ["/", "/zones/", zone.get_absolute_url(), "/plots/"]:
        assert client.get(url).cookies == {}, url
