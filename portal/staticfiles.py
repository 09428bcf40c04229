"""Static-file finders that collect only what the site serves.

Bootstrap, Swagger UI and Leaflet come in packages that ship whole builds (unminified, RTL,
grid-only, Redoc, Leaflet.draw, source maps of each): collected, hashed and compressed twice,
they took minutes and some 60 MB. From those packages the finders pass only the files the pages
ask for and what those files refer to (source maps, Leaflet's images), and of the admin's
Select2 translations those of the site's languages; everything else, the rest of the admin's
files and the site's own, is found as before. tests/portal/test_static_files.py checks
the list against every `{% static %}` in the templates and the API docs page.
"""

from fnmatch import fnmatch

from django.conf import settings
from django.contrib.staticfiles import finders

SERVED = {
    "bootstrap/": ["bootstrap/css/bootstrap.min.css", "bootstrap/css/bootstrap.min.css.map"],
    # The API docs page (django-ninja's Swagger UI); Redoc is not used.
    "ninja/": [
        "ninja/swagger-ui.css",
        "ninja/swagger-ui.css.map",
        "ninja/swagger-ui-bundle.js",
        "ninja/swagger-ui-init.js",
        "ninja/favicon.svg",
        "ninja/favicon.png",
    ],
    "leaflet/": ["leaflet/leaflet.css", "leaflet/leaflet.js", "leaflet/leaflet.js.map"]
    + [f"leaflet/images/{name}" for name in ("layers.png", "layers-2x.png", "marker-*.png")],
}


def served_patterns():
    # The admin's autocomplete loads Select2's messages in the page's language only: those of
    # the site's languages (by the admin's own table of names); no page shows a country's flag.
    from django.contrib.admin.widgets import SELECT2_TRANSLATIONS

    select2 = "admin/js/vendor/select2/i18n/"
    languages = [SELECT2_TRANSLATIONS.get(code) for code, _ in settings.LANGUAGES]
    return {
        **SERVED,
        select2: [f"{select2}{language}.js" for language in languages if language],
        "flags/": [],  # django-countries' flag images
    }


def is_served(path):
    """Whether the site serves the static file at `path` (as in `{% static path %}`)."""
    for prefix, patterns in served_patterns().items():
        if path.startswith(prefix):
            return any(fnmatch(path, pattern) for pattern in patterns)
    return True


class ServedOnly:
    def find(self, path, *args, **kwargs):
        return super().find(path, *args, **kwargs) if is_served(path) else []

    def list(self, ignore_patterns):
        for path, storage in super().list(ignore_patterns):
            prefix = getattr(storage, "prefix", None)
            if is_served(f"{prefix}/{path}" if prefix else path):
                yield path, storage


class FileSystemFinder(ServedOnly, finders.FileSystemFinder):
    """STATICFILES_DIRS (the site's own files, Leaflet's), less what the site does not serve."""


class AppDirectoriesFinder(ServedOnly, finders.AppDirectoriesFinder):
    """The apps' static folders (the admin's, Bootstrap's, ninja's), less what the site does
    not serve."""
