from django import template
from django.utils import timezone

from ..estimator import Project, cit_level
from ..models import Confidence

register = template.Library()


@register.inclusion_tag("incentives/includes/confidence_badge.html")
def confidence_badge(value):
    """H, M, L or X as a coloured badge; below H, with "verify with the authority"."""
    choice = Confidence(getattr(value, "value", value))
    return {"confidence": choice}


@register.inclusion_tag("incentives/includes/zone_incentive.html")
def zone_incentive(zone):
    """The zone's headline incentive (its location class's CIT level for a project licensed
    today), linked to the estimator with the zone chosen."""
    return {"zone": zone, "cit": cit_level(Project(licence_date=timezone.localdate(), zone=zone))}
