import json
import math
from decimal import Decimal

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.links import absolute_url

register = template.Library()
# What json_script escapes, for a <script> of another type than json_script writes (ld+json):
# no "</script>" or "<!--" can end or change the script element.
SCRIPT_SAFE_JSON = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def num(value, places=2):
    """A figure in the visitor's locale, grouped, with at most `places` decimals and no
    trailing zeros: 1.700 and 10,97 in Vietnamese, 1,700 and 10.97 in English."""
    if value in (None, ""):
        return ""
    value = Decimal(value).quantize(Decimal(1).scaleb(-int(places))).normalize()
    if value == value.to_integral():
        value = value.quantize(Decimal(1))  # 1E+3 → 1000
    return number_format(value, force_grouping=True)


@register.filter
def ha(value, approximate=False):
    """An area as the source gives it: "~400 ha" when approximate, "162 ha"; "" if missing."""
    if value in (None, ""):
        return ""
    return f"{'~' if approximate else ''}{num(value, 2)} {_('ha')}"


@register.filter
def pct(value, approximate=False):
    """A share as the source gives it: "~60 %" when approximate, "94 %"; "" if missing."""
    if value in (None, ""):
        return ""
    return f"{'~' if approximate else ''}{num(value, 1)} %"


@register.filter
def km(value, approximate=False):
    if value in (None, ""):
        return ""
    return f"{'≈ ' if approximate else ''}{num(value, 1)} km"


def _money_unit():
    """The unit each language counts large sums of đồng in: tỷ (10⁹) in Vietnamese, billion in
    English, 亿 (10⁸) in Chinese."""
    if get_language() == "zh-hans":
        return Decimal(10**8), _("%(amount)s trăm triệu đồng")
    return Decimal(10**9), _("%(amount)s tỷ đồng")


@register.filter
def vnd(amount):
    """A sum of đồng as investors read it: 1.700 tỷ đồng, 1,700 billion VND, 17,000亿越南盾."""
    if amount in (None, ""):
        return ""
    scale, text = _money_unit()
    return text % {"amount": num(Decimal(amount) / scale, 1)}


@register.filter
def to_locale(language_code):
    """vi → vi_VN style for og:locale."""
    return {"vi": "vi_VN", "en": "en_GB", "zh-hans": "zh_CN"}.get(language_code, language_code)


@register.filter
def zone_jsonld(zone, request):
    """schema.org Place for a zone: name, address, geo coordinates and area (JSON-LD)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": zone.name,
        "description": zone.description,
        "url": absolute_url(zone.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "addressRegion": "Lạng Sơn",
            "addressLocality": str(zone.get_district_display()),
            "addressCountry": "VN",
        },
    }
    if zone.latitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(zone.latitude),
            "longitude": float(zone.longitude),
        }
    if zone.total_area_ha is not None:
        data["additionalProperty"] = [
            {
                "@type": "PropertyValue",
                "name": "area",
                "value": float(zone.total_area_ha),
                "unitCode": "HAR",
            },
        ]
        # The fill rate the page shows (from the plots where they count), as in the API.
        fill_rate = zone.fill_rate_shown_pct
        if fill_rate is not None:
            data["additionalProperty"].append(
                {
                    "@type": "PropertyValue",
                    "name": "fill rate",
                    "value": float(fill_rate),
                    "unitCode": "P1",
                }
            )
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_SAFE_JSON)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.filter
def km_from_squared(value):
    """A distance in km, one decimal, from its square (NearFilterSet's `distance_km_sq`)."""
    if value is None or value == "":
        return ""
    return num(Decimal(str(math.sqrt(value))), 1)
