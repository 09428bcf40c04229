from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .shortlist import shortlist_get


def maps(request):
    """The tile server of the Leaflet maps (a setting: OpenStreetMap's by default)."""
    return {"map_tiles": settings.MAP_TILE_URL, "map_attribution": settings.MAP_TILE_ATTRIBUTION}


def shortlist(request):
    """The visitor's shortlisted zones, read only when a page asks."""
    return {"shortlist": SimpleLazyObject(lambda: shortlist_get(request))}
