"""get_<field>_display (TimeStamped._get_FIELD_display): Django's label, in the visitor's
language, without translating every choice."""

from django.utils import translation

from zones.models import District, Plot, Zone


def test_label_in_the_visitors_language():
    zone = Zone(district=District.values[0])
    for code in ("vi", "en", "zh-hans"):
        with translation.override(code):
            assert zone.get_district_display() == str(District.labels[0])
            assert Plot(status="leased").get_status_display() == str(Plot.Status.LEASED.label)


def test_value_without_a_choice_is_shown_as_it_is():
    assert Plot(status="unheard-of").get_status_display() == "unheard-of"
    assert Plot(status=None).get_status_display() is None
