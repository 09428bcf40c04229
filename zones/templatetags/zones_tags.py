from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


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
