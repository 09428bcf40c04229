"""Zone and plot outlines: valid GeoJSON inside the province, or refused with a reason."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import SQUARE, ZoneFactory
from zones.geo import validate_polygon

pytestmark = pytest.mark.django_db


def test_a_polygon_inside_lang_son_is_accepted_bare_or_as_a_feature():
    validate_polygon(SQUARE)
    validate_polygon({"type": "Feature", "properties": {}, "geometry": SQUARE})
    validate_polygon({"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]})


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ("not json", "GeoJSON"),
        ({"type": "Point", "coordinates": [106.5, 21.6]}, "Polygon"),
        ({"type": "Polygon", "coordinates": [[[106.58, 21.61], [106.59, 21.61]]]}, "4"),
        (
            {
                "type": "Polygon",
                "coordinates": [[[106.58, 21.61], [106.59, 21.61], [106.59, 21.62], [106.5, 21.7]]],
            },
            "khép kín",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[["a", 21.61], [106.59, 21.61], [106.59, 21.62], ["a", 21.61]]],
            },
            "cặp số",
        ),
        # Hà Nội, and a polygon with latitude and longitude swapped: outside the province.
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[105.85, 21.02], [105.86, 21.02], [105.86, 21.03], [105.85, 21.02]]
                ],
            },
            "ngoài tỉnh",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[21.61, 106.58], [21.61, 106.59], [21.62, 106.59], [21.61, 106.58]]
                ],
            },
            "ngoài tỉnh",
        ),
    ],
)
def test_malformed_or_outside_geometry_is_refused_with_a_reason(geometry, message):
    with pytest.raises(ValidationError) as error:
        validate_polygon(geometry)
    assert message in " ".join(error.value.messages)


def test_staff_paste_geometry_in_the_admin_and_bad_geometry_is_refused(admin_client):
    zone = ZoneFactory(latitude=Decimal("21.61"), longitude=Decimal("106.58"))
    zone.boundary = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    with pytest.raises(ValidationError):
        zone.full_clean()


def test_coordinates_outside_the_province_are_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ZoneFactory(latitude=Decimal("21.02"), longitude=Decimal("105.85"))  # Hà Nội
