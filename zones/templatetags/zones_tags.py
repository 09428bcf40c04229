from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()

BILLION = Decimal(1_000_000_000)


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
def billions(amount):
    """VND to billions of VND (tỷ đồng), the unit Vietnamese investment figures are told in."""
    if amount in (None, ""):
        return None
    return Decimal(amount) / BILLION
