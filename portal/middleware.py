import contextvars
import logging
import time
import uuid

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.defaults import bad_request


class OpenDataCorsMiddleware:
    """The open-data API may be read from any site's JavaScript: CORS open for GET, nothing
    more (it has no cookies, no writes and no personal data)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/") and request.method in ("GET", "HEAD", "OPTIONS"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
        return response


class PublicPagesGZipMiddleware(GZipMiddleware):
    """Pages, the API and downloads gzipped (a page's HTML is a fifth of its size), except for
    signed-in staff and developers.

    BREACH: compressing a page that holds a secret next to text an attacker chooses (a search
    term in the address) lets the attacker guess the secret from the compressed sizes, one
    character at a time. The public pages' only secret is the CSRF token of their forms, and
    Django masks it afresh in every response (a new random pad each time), so it never repeats
    from one response to the next; Django's GZipMiddleware also pads each response with up to
    100 random bytes ("Heal the Breach"), blurring the sizes the attack reads. What signed-in
    people see (investors' inquiries and contact details in the admin, developers' documents)
    is sent uncompressed all the same: those pages are few and small next to what a leak
    would cost."""

    def process_response(self, request, response):
        # request.user is set further in; the page cache answers before it is, and only
        # answers visitors who are not signed in.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Deny the browser features the portal never uses (camera, microphone, location…)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PrivateCookiesMiddleware:
    """A response that sets a cookie (CSRF, session, language) belongs to one browser: mark it
    private so that no shared cache in front (a proxy, a CDN) stores it and hands its cookie to
    the next visitor. Listed above the middleware that set cookies, so it sees them all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.cookies:
            patch_cache_control(response, private=True)
        return response


_request_id = contextvars.ContextVar("request_id", default="-")
request_logger = logging.getLogger("portal.requests")


class RequestIdFilter(logging.Filter):
    """Every log line carries the id of the request it belongs to."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class ClientErrorTracebackFilter(logging.Filter):
    """A refusal (403 for a missing permission, 400 for a bad Host or body) is the client's
    doing, yet Django logs each with a full traceback: keep the line, drop the traceback.
    Server errors (5xx) keep theirs."""

    def filter(self, record):
        if 400 <= getattr(record, "status_code", 0) < 500:
            record.exc_info = record.exc_text = None
        return True


class RequestLogMiddleware:
    """One line per request: method, path (never the query string or the body: no personal
    data), status and duration, under a request id also sent back as X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = uuid.uuid4().hex[:16]
        token = _request_id.set(request.id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            request_logger.info(
                "%s %s %s %.0fms",
                request.method,
                request.path,
                response.status_code,
                (time.monotonic() - started) * 1000,
            )
            return response
        finally:
            _request_id.reset(token)


def _is_api(request):
    return request.path.startswith("/api/")


class DatabaseUnavailableMiddleware:
    """When the database is down, answer 503 with the site's page (JSON on the API; Django
    would say 500), and recover by itself: with CONN_HEALTH_CHECKS a broken connection is
    dropped and a fresh one opened at the start of the next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logging.getLogger("portal.database").error(
            "Database unavailable: %s", type(exception).__name__
        )
        if _is_api(request):
            response = JsonResponse({"detail": "Service temporarily unavailable"}, status=503)
        else:
            response = render(request, "503.html", status=503)
        response["Retry-After"] = "30"
        return response


class MalformedRequestMiddleware:
    """A request no view can answer sensibly gets 400 with the site's page (JSON on the API)
    and one line in the log, before any view, form or filter sees it:

    - a NUL byte anywhere in the path, the query string or the form: PostgreSQL refuses NUL in
      text, so a slug or filter value carrying one was a DataError (500) wherever it reached a
      query;
    - a form body that cannot be decoded: a charset Python does not know (LookupError), UTF-16
      (UnicodeDecodeError) or any charset but UTF-8 (Django's BadRequest), each a 500 or a
      traceback in the log;
    - a form over Django's limits (too big, too many fields), logged on one line too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = self._malformed(request)
        if reason:
            logging.getLogger("portal.requests").warning(
                "Bad request %s %s: %s", request.method, request.path, reason
            )
            if _is_api(request):
                return JsonResponse({"detail": "Bad request"}, status=400)
            return bad_request(request, exception=None)
        return self.get_response(request)

    @staticmethod
    def _malformed(request):
        if "\x00" in request.path:
            return "NUL in the path"
        try:
            for data in [request.GET, request.POST] if request.method == "POST" else [request.GET]:
                for key, values in data.lists():
                    if "\x00" in key or any("\x00" in value for value in values):
                        return "NUL in a parameter"
        except (BadRequest, UnicodeDecodeError, LookupError) as error:
            return f"undecodable form ({type(error).__name__})"
        except SuspiciousOperation as error:
            return f"{type(error).__name__}: {error}"
        return None
