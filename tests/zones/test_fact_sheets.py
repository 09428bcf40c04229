"""A plot's PDF fact sheet, in the visitor's language, with its code, area, rent with basis and
the as-of date; made once and kept until the catalogue changes."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SQUARE, PlotFactory, ZoneFactory

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")
pytestmark = pytest.mark.django_db


@pytest.fixture
def plot():
    zone = ZoneFactory(
        slug="dong-banh",
        name="KCN Đồng Bành",
        name_en="Dong Banh Industrial Park",
        name_zh_hans="同彭工业园",
        boundary=SQUARE,
        figures_as_of=date(2021, 1, 1),
    )
    return PlotFactory(
        zone=zone,
        code="B1",
        area_m2=Decimal("120000"),
        rent_amount=Decimal("45"),
        rent_quoted_on=date(2026, 11, 1),
        boundary=SQUARE,
    )


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("", ["Lô B1", "120.000 m²", "45 USD/m² cho cả thời hạn thuê", "01/11/2026", "01/01/2021"]),
        (
            "/en",
            [
                "Plot B1",
                "120,000 m²",
                "45 USD/m² for the whole lease",
                "Nov. 1, 2026",
                "Jan. 1, 2021",
            ],
        ),
        ("/zh-hans", ["地块B1", "120,000 平方米", "45 USD/平方米（整个租期）", "2026年11月1日"]),
    ],
)
def test_the_fact_sheet_reads_in_the_visitor_s_language(client, plot, prefix, expected):
    text = pdf_text(client.get(f"{prefix}/zones/dong-banh/plots/B1/factsheet.pdf"))
    for phrase in expected:
        assert phrase in text, phrase
    assert "/zones/dong-banh/plots/B1/" in text  # the page's address


def test_the_fact_sheet_is_made_once_until_the_plot_changes(client, plot):
    url = "/en/zones/dong-banh/plots/B1/factsheet.pdf"
    assert "45 USD" in pdf_text(client.get(url))
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    plot.rent_amount = Decimal("47")
    plot.save()
    assert "47 USD" in pdf_text(client.get(url))
    assert len(second.captured_queries) <= 6  # no layout, but the plot is still looked up


def test_the_plot_page_links_to_its_fact_sheet(client, plot):
    html = client.get("/zh-hans/zones/dong-banh/plots/B1/").content.decode()
    assert 'href="/zh-hans/zones/dong-banh/plots/B1/factsheet.pdf"' in html


def test_no_fact_sheet_for_an_unknown_plot(client, plot):
    assert client.get("/zones/dong-banh/plots/B9/factsheet.pdf").status_code == 404


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("", "Tổng diện tích"), ("/en", "Total area"), ("/zh-hans", "同彭工业园")],
)
def test_a_zone_has_a_fact_sheet_in_the_visitor_s_language(client, plot, prefix, expected):
    text = pdf_text(client.get(f"{prefix}/zones/dong-banh/factsheet.pdf"))
    assert expected in text
    assert "01/01/2021" in text or "Jan. 1, 2021" in text or "2021年1月1日" in text
    assert "/zones/dong-banh/" in text
    assert (
        f'href="{prefix}/zones/dong-banh/factsheet.pdf"'
        in client.get(f"{prefix}/zones/dong-banh/").content.decode()
    )


@pytest.mark.parametrize(("prefix", "expected"), [("", "So sánh các khu"), ("/en", "Compare")])
def test_a_comparison_has_a_fact_sheet(client, plot, prefix, expected):
    ZoneFactory(slug="hong-phong", name="KCN Hồng Phong", name_en="Hong Phong Industrial Park")
    text = pdf_text(client.get(f"{prefix}/zones/compare/factsheet.pdf?zones=dong-banh,hong-phong"))
    assert expected in text
    assert "Hồng Phong" in text or "Hong Phong" in text
    assert client.get("/zones/compare/factsheet.pdf?zones=nowhere").status_code == 404
