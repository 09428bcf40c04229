"""A WSGI app that answers the scheme gunicorn handed it, for tests/portal/test_absolute_urls.py."""


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [environ["wsgi.url_scheme"].encode()]
