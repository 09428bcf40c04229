"""Zone, plot and project text in Vietnamese, English and Chinese (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Indicator, Plot, Project, Sector, Zone


@register(Zone)
class ZoneTranslation(TranslationOptions):
    fields = (
        "name",
        "description",
        "infrastructure",
        "connectivity",
        "managing_body",
        "source",
    )


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)


@register(Plot)
class PlotTranslation(TranslationOptions):
    fields = ("description",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("investor_name", "description")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "note", "source")
