"""Where a page's time goes: milliseconds per request, SQL time and count, and a pyinstrument
profile, in process, with production settings and the page cache off.

The CPU column is this process's alone; "template" is the part of it spent rendering the
page's template (with what the template itself evaluates: lazy querysets, template tags),
"rest" the request cycle, the view and its queries: what a page would cost with a template
engine that cost nothing.

    .venv/bin/pip install pyinstrument      # once; not a dependency of the site
    DATABASE_URL=postgres://... .venv/bin/python deploy/profile_page.py /zones/ /plots/
    PROFILE=1 DATABASE_URL=postgres://... .venv/bin/python deploy/profile_page.py /zones/
    PROFILE=cpu ...   # cProfile counting CPU time: readable on a busy machine, pyinstrument is not

See docs/performance.md for what it showed.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("REPEAT", "20"))


def main(urls):
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        PORTAL_NO_DEV_ENV="1",
        DEBUG="false",
        SECRET_KEY=os.environ.get("SECRET_KEY", "profile-" + "k" * 50),
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        PAGE_CACHE_SECONDS="0",
        API_RATE_LIMIT="1000000/m",
        LOG_LEVEL="WARNING",
        # The source files: no collectstatic needed for a profile.
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
    )
    import django

    django.setup()
    from django.db import connection
    from django.template.backends.django import Template as DjangoTemplate
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # Outermost renders only: a form's widgets render templates of their own inside the page's.
    rendering = {"seconds": 0.0, "depth": 0}
    render = DjangoTemplate.render

    def timed_render(template, context=None, request=None):
        rendering["depth"] += 1
        started = time.process_time()
        try:
            return render(template, context, request)
        finally:
            rendering["depth"] -= 1
            if not rendering["depth"]:
                rendering["seconds"] += time.process_time() - started

    DjangoTemplate.render = timed_render

    client = Client()
    for url in urls:
        client.get(url)  # warm: templates, connections
        started, cpu_started = time.perf_counter(), time.process_time()
        rendering["seconds"] = 0.0
        for _ in range(REPEAT):
            response = client.get(url)
        per_request = (time.perf_counter() - started) / REPEAT * 1000
        # This process's CPU alone (not PostgreSQL's): on a busy machine the wall clock mostly
        # measures the other processes.
        cpu_per_request = (time.process_time() - cpu_started) / REPEAT * 1000
        template = rendering["seconds"] / REPEAT * 1000
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        sql = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        print(
            f"{url:32} {response.status_code} {per_request:7.1f} ms  "
            f"CPU {cpu_per_request:5.1f} ms (template {template:4.1f}, "
            f"rest {cpu_per_request - template:4.1f})  "
            f"SQL {sql:5.1f} ms in {len(queries)} queries  {len(response.content):7} bytes"
        )
        if os.environ.get("PROFILE") == "cpu":
            import cProfile
            import pstats

            profiler = cProfile.Profile(time.process_time)
            with profiler:
                for _ in range(REPEAT):
                    client.get(url)
            stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
            stats.print_stats(int(os.environ.get("PROFILE_LINES", "60")))
        elif os.environ.get("PROFILE"):
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.001)
            with profiler:
                for _ in range(REPEAT):
                    client.get(url)
            print(profiler.output_text(unicode=True, color=False))


if __name__ == "__main__":
    main(sys.argv[1:] or ["/", "/zones/", "/zones/dong-banh/", "/plots/?status=available"])
