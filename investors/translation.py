"""Officer profile text in Vietnamese, English and Chinese (django-modeltranslation). The
profile keeps no history, so it needs none of zones/translation.py's care for simple-history."""

from modeltranslation.translator import TranslationOptions, register

from .models import OfficerProfile


@register(OfficerProfile)
class OfficerProfileTranslation(TranslationOptions):
    fields = ("title",)
