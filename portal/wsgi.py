import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

django_application = get_wsgi_application()

from portal.page_cache import PageCacheApplication  # noqa: E402  (needs the settings)

# Anonymous pages kept in the page cache are answered before Django's stack (portal/page_cache.py).
application = PageCacheApplication(django_application)
