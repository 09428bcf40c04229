"""Debian's nginx on the loopback with the portal's own configuration (deploy/nginx-maps.conf,
nginx-locations.conf, nginx-proxy.conf) in front of an app server: for `make bench`
(deploy/bench.py) and the micro-cache's tests. Production's server block is deploy/nginx.conf;
this is the same http context without TLS."""

import shutil
import subprocess
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
INCLUDED = ("nginx-maps.conf", "nginx-locations.conf", "nginx-proxy.conf")

HTTP = """
worker_processes {workers};
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    proxy_cache_path {tmp}/cache levels=1:2 keys_zone=portal_pages:10m max_size=64m
                     inactive=60s use_temp_path=off;
    include {tmp}/nginx-maps.conf;
    upstream portal {{
        server 127.0.0.1:{app_port};
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        {static}
        include {tmp}/nginx-locations.conf;
    }}
}}
"""


def start(directory, *, app_port, port, workers=1, static=None):
    """nginx (a process of its own, `nginx -g "daemon off;"`) listening on `port`, in front of
    the app server on `app_port`, its files in `directory`; `static` an (address, folder)
    nginx serves itself. None if nginx is not installed."""
    if (nginx := shutil.which("nginx")) is None:
        return None
    tmp = Path(directory)
    for name in INCLUDED:
        text = (DEPLOY / name).read_text().replace("/srv/portal/deploy/", f"{tmp}/")
        (tmp / name).write_text(text)
    location = f"location = {static[0]} {{ root {static[1]}; }}" if static else ""
    conf = tmp / "nginx.conf"
    conf.write_text(
        HTTP.format(workers=workers, tmp=tmp, app_port=app_port, port=port, static=location)
    )
    return subprocess.Popen([nginx, "-c", str(conf), "-g", "daemon off;"])
