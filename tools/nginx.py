"""Debian's nginx serving a published site with the project's configuration, on a loopback port,
without root: for the tests (tests/test_nginx.py) and the benchmark (bench/benchmark.py).

    with serve(site_dir, conf_dir) as url: ...

`conf_dir/kennisbank/` holds kennisbank.conf and csp.conf, as /etc/nginx/kennisbank/ does on a
server; around it goes only a loopback port and pid, log and temp paths inside `conf_dir`.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

MAIN = """
load_module {brotli};
user {user};  # ignored unless run as root; then workers must read the caller's private temp folder
worker_processes 1;
pid nginx.pid;
error_log stderr warn;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path body; proxy_temp_path proxy; fastcgi_temp_path fastcgi;
    uwsgi_temp_path uwsgi; scgi_temp_path scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include kennisbank/kennisbank.conf;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(root: Path, conf: Path):
    """Serve `root` with the configuration folder `conf`; yields the URL; stops by its own pid."""
    for needed in (NGINX, BROTLI):
        if not Path(needed).exists():
            raise RuntimeError(f"{needed} is missing: ./dev test installs Debian's nginx and libnginx-mod-http-brotli-static")
    port = free_port()
    (conf / "nginx.conf").write_text(
        MAIN.format(brotli=BROTLI, user=pwd.getpwuid(os.getuid()).pw_name, port=port, root=root), encoding="utf-8")
    server = subprocess.Popen(
        [NGINX, "-e", "stderr", "-p", str(conf), "-c", str(conf / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE, text=True,
    )
    try:
        for _ in range(100):
            if server.poll() is not None:
                raise RuntimeError(f"nginx stopped: {server.stderr.read()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGQUIT)  # graceful stop of this master, by its own pid
            server.wait(timeout=10)


def published(site: Path, into: Path) -> tuple[Path, Path]:
    """A copy of a built site finished by the publish step, and its configuration folder."""
    from tools import publish

    root, conf = into / "site", into / "conf"
    shutil.copytree(site, root)
    (conf / "kennisbank").mkdir(parents=True)
    shutil.copy(publish.NGINX_DIR / "kennisbank.conf", conf / "kennisbank")
    publish.finish(root, conf / "kennisbank")
    return root, conf
