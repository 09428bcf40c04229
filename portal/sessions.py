"""Sessions kept in the database and read through the shared cache, which may be down."""

from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

from .cache_outage import TolerantCache


class SessionStore(CachedDBStore):
    """Django's cached_db, for which a cache that is down is a cache that misses: sessions are
    then read from and written to the database alone. (cached_db raises from the cache when
    it makes a new session key, logs out, or keeps a session it read from the database.)"""

    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = TolerantCache(settings.SESSION_CACHE_ALIAS)
