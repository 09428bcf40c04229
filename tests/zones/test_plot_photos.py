"""Photos of a plot: staff attach them to the plot (a zone photo naming the plot, so one upload
path), and the plot's page shows them with their alt text and caption in the visitor's
language, marked sample where they are; a zone's manager reaches only their zones' plots."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PlotFactory, ZoneFactory
from tests.tools import unchanged_form
from zones.models import ZonePhoto

pytestmark = pytest.mark.django_db


def jpeg(colour="#2a6f97", size=(640, 400)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), "image/jpeg")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def plot(db):
    return PlotFactory(zone=ZoneFactory(slug="dong-banh"), code="B1")


def photo(zone, plot=None, **texts):
    made = ZonePhoto(zone=zone, plot=plot, image=jpeg(), **texts)
    made.full_clean()
    made.save()
    return made


def gallery(response):
    html = response.content.decode()
    start = html.index('id="plot-photos"')
    return html[start : html.index("</section>", start)]


def test_the_plot_page_shows_its_photos_in_the_visitor_s_language(client, media, plot):
    photo(
        plot.zone,
        plot,
        alt_text_vi="Mặt bằng lô B1 đã san nền",
        alt_text_en="Plot B1, levelled",
        alt_text_zh_hans="已平整的B1地块",
        caption_vi="Nhìn từ đường nội khu",
        caption_en="Seen from the internal road",
        is_sample=True,
    )
    vi = gallery(client.get("/zones/dong-banh/plots/B1/"))
    assert 'alt="Mặt bằng lô B1 đã san nền"' in vi and "Nhìn từ đường nội khu" in vi
    assert "dữ liệu mẫu" in vi and 'srcset="' in vi
    en = gallery(client.get("/en/zones/dong-banh/plots/B1/"))
    assert 'alt="Plot B1, levelled"' in en and "Seen from the internal road" in en
    assert "sample" in en
    zh = gallery(client.get("/zh-hans/zones/dong-banh/plots/B1/"))
    assert 'alt="已平整的B1地块"' in zh
    assert "Nhìn từ đường nội khu" in zh  # no Chinese caption: the Vietnamese one


def test_only_the_plot_s_own_photos_show_on_its_page(client, media, plot):
    photo(plot.zone, alt_text="Cổng khu")  # the zone's
    photo(plot.zone, PlotFactory(zone=plot.zone, code="B2"), alt_text="Lô B2")
    assertNotContains(client.get("/zones/dong-banh/plots/B1/"), 'id="plot-photos"')
    photo(plot.zone, plot, alt_text="Lô B1")
    page = gallery(client.get("/zones/dong-banh/plots/B1/"))
    assert 'alt="Lô B1"' in page and "Cổng khu" not in page and "Lô B2" not in page
    # The zone's gallery has them all: a plot's photo is a photo of the zone too.
    zone_page = client.get("/zones/dong-banh/")
    for alt in ("Cổng khu", "Lô B1", "Lô B2"):
        assertContains(zone_page, f'alt="{alt}"')


def test_a_photo_cannot_name_a_plot_of_another_zone(media, plot):
    with pytest.raises(ValidationError) as refused:
        photo(ZoneFactory(), plot, alt_text="Nhầm khu")
    assert "plot" in refused.value.message_dict


def test_a_moved_plot_takes_its_photos_along(media, plot):
    taken = photo(plot.zone, plot, alt_text="Lô B1")
    plot.zone = ZoneFactory()
    plot.save()
    taken.refresh_from_db()
    assert taken.zone == plot.zone


def post_photo(client, plot):
    url = f"/admin/zones/plot/{plot.pk}/change/"
    page = client.get(url)
    form = unchanged_form(page.content.decode(), "plot_form")
    form.update(
        {
            "photos-TOTAL_FORMS": ["1"],
            "photos-0-image": jpeg(),
            "photos-0-alt_text_vi": ["Mặt bằng lô"],
            "photos-0-caption_vi": ["Tháng 11/2026"],
            "photos-0-position": ["0"],
        }
    )
    return page, client.post(url, form)


@pytest.fixture
def managed(zone_editor, plot):
    plot.zone.managers.add(zone_editor)
    return plot


def test_a_zone_s_manager_adds_a_photo_on_the_plot_s_admin_page(
    client, media, zone_editor, managed
):
    client.force_login(zone_editor)
    page, response = post_photo(client, managed)
    assert page.status_code == 200
    assert response.status_code == 302, response.context and [
        f.formset.errors for f in response.context["inline_admin_formsets"]
    ]
    [added] = ZonePhoto.objects.all()
    assert (added.plot, added.zone) == (managed, managed.zone)
    assert added.renditions and added.caption == "Tháng 11/2026"


def test_the_manager_of_another_zone_cannot_reach_its_plots_photos(
    client, media, zone_editor, plot
):
    mine = ZoneFactory(slug="hong-phong")
    mine.managers.add(zone_editor)
    own_plot = PlotFactory(zone=mine, code="H1")
    client.force_login(zone_editor)
    url = f"/admin/zones/plot/{plot.pk}/change/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"photos-TOTAL_FORMS": "1"}).status_code == 403
    assert not ZonePhoto.objects.exists()
    # On their own zone's page, a photo's plot is one of that zone's.
    page = client.get(f"/admin/zones/zone/{mine.pk}/change/")
    [photos] = [f for f in page.context["inline_admin_formsets"] if f.formset.prefix == "photos"]
    offered = photos.formset.empty_form.fields["plot"].queryset
    assert list(offered) == [own_plot]


def test_a_new_zone_s_photos_offer_no_plot_yet(admin_client):
    page = admin_client.get("/admin/zones/zone/add/")
    [photos] = [f for f in page.context["inline_admin_formsets"] if f.formset.prefix == "photos"]
    assert not photos.formset.empty_form.fields["plot"].queryset.exists()
