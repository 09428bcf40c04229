"""Rule, location and step text in Vietnamese, English and Chinese (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import DistrictClass, IncentiveRule, LicensingStep, LocationClass


@register(LocationClass)
class LocationClassTranslation(TranslationOptions):
    fields = ("name", "source")


@register(DistrictClass)
class DistrictClassTranslation(TranslationOptions):
    fields = ("source",)


@register(IncentiveRule)
class IncentiveRuleTranslation(TranslationOptions):
    fields = ("title", "summary", "legal_document", "legal_article", "source")


@register(LicensingStep)
class LicensingStepTranslation(TranslationOptions):
    fields = (
        "title",
        "what",
        "who_decides",
        "contact",
        "documents",
        "time_limit",
        "fees",
        "parallel",
        "source",
    )


# After modeltranslation, as zones/translation.py explains: history copies translated columns.
simple_history.register(IncentiveRule, app="incentives", m2m_fields=["location_classes", "sectors"])
simple_history.register(LocationClass, app="incentives")
simple_history.register(LicensingStep, app="incentives")
simple_history.register(DistrictClass, app="incentives")
