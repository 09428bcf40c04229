"""A duration as the number a sentence counts in: whole hours, or else whole minutes."""

from django import template

register = template.Library()


@register.filter
def whole_minutes(delta):
    """`delta` (a timedelta, or None) in whole minutes."""
    return int(delta.total_seconds() // 60) if delta else 0


@register.filter
def whole_hours(delta):
    """`delta` in hours when it is a whole number of them, else 0 (count it in minutes)."""
    minutes = whole_minutes(delta)
    return minutes // 60 if minutes and not minutes % 60 else 0
