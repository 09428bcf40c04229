"""Downloads write numbers as people read them: 8.5, not 8.50; 0.51, not 0.5100000000; 162,
not 162.00."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db


def test_the_zone_csv_writes_figures_without_trailing_zeros(client, langson):
    response = client.get("/zones/download.csv")
    rows = {
        row["slug"]: row
        for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    }
    assert rows["dong-banh"]["free_area_ha"] == "65"  # ≈, from the reported fill rate
    assert rows["hop-thanh-2"]["free_area_ha"] == "0.51"
    assert rows["hop-thanh-2"]["total_area_ha"] == "8.5"
    assert rows["dong-banh"]["total_area_ha"] == "162"
    assert rows["dong-banh"]["fill_rate_pct"] == "60"
    assert rows["dong-banh"]["latitude"] == "21.61"


def test_the_zone_geojson_writes_the_same_figures(client, langson):
    data = json.loads(client.get("/zones/download.geojson").content)
    properties = {f["properties"]["slug"]: f["properties"] for f in data["features"]}
    assert properties["hop-thanh-2"]["free_area_ha"] == "0.51"
    assert properties["hop-thanh-2"]["total_area_ha"] == "8.5"
    assert properties["dong-banh"]["total_area_ha"] == "162"


def test_plot_areas_keep_their_digits_and_lose_only_trailing_zeros(client, langson):
    response = client.get("/plots/download.csv?zone=dong-banh&status=")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and all(
        "." not in row["area_m2"] or not row["area_m2"].endswith("0") for row in rows
    )
    assert "120000" in {row["area_m2"] for row in rows}
