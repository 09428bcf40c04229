"""Zone, plot and project text in Vietnamese, English and Chinese (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import (
    ContactPoint,
    CostItem,
    FigureChangeNote,
    Indicator,
    Plot,
    Project,
    Sector,
    Zone,
    ZonePhoto,
)


@register(Zone)
class ZoneTranslation(TranslationOptions):
    fields = (
        "name",
        "description",
        "infrastructure",
        "connectivity",
        "managing_body",
        "source",
        "incentives",
        "telecom",
        "internal_roads",
    )


@register(ZonePhoto)
class ZonePhotoTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
    required_languages = ("vi",)


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)


@register(Plot)
class PlotTranslation(TranslationOptions):
    fields = ("description", "shape", "utilities_at_edge")


@register(CostItem)
class CostItemTranslation(TranslationOptions):
    fields = ("note", "source")


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("investor_name", "description")


@register(ContactPoint)
class ContactPointTranslation(TranslationOptions):
    fields = ("name", "address", "working_hours", "languages")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "note", "source")


# django-simple-history must copy the translated columns too, so it is registered here, after
# modeltranslation: a HistoricalRecords() on the model itself fails ("unexpected keyword
# arguments: 'name_en'"). Every save of a zone, plot or project leaves a row: who, when, all values
# and the staff's source note (history_change_reason).
# The stored plot totals are not the zone's figures: the plots' own history holds their changes;
# the columns the database computes (free land, the fill rate shown) follow from the copied ones.
# Each zone row also says whether its source note is public (zones.signals sets it).
simple_history.register(
    Zone,
    app="zones",
    excluded_fields=[*Zone.PLOT_TOTALS, *Zone.GENERATED_FIELDS],
    bases=[FigureChangeNote],
)
simple_history.register(Plot, app="zones")
simple_history.register(Project, app="zones")
simple_history.register(ContactPoint, app="zones")
