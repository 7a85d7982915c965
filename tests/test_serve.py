"""The editing loop: `mkdocs serve` shows a data edit within seconds and survives a data error."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import edit_yaml as edit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, seconds: float = 40.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    return None


def get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_serve_rebuilds_on_data_edits_and_survives_a_data_error(project_copy, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project_copy, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/vredestijd/"
        assert wait_for(lambda: get(url), 90), log.read_text(encoding="utf-8")[-2000:]
        good = (project_copy / "data/cyclus/V2.yml").read_text(encoding="utf-8")
        (project_copy / "data/cyclus/V2.yml").write_text("id: V2\ntitle: [unclosed\n", encoding="utf-8")
        assert wait_for(lambda: "data/cyclus/V2.yml: line" in log.read_text(encoding="utf-8")), "no error shown"
        assert server.poll() is None, "the server died on a data error"
        # MkDocs holds requests while the build is broken; the file mended with an edit (a new
        # short title) is rebuilt and served: the data edit and the recovery in one rebuild (a
        # rebuild is the same whether the build before it failed or not)
        edit(project_copy / "data/cyclus/V1.yml", lambda d: d.update(short_title="Visie op het online werk"))
        (project_copy / "data/cyclus/V2.yml").write_text(good.replace("Formele online werkwijze", "Werkwijze online"), encoding="utf-8")
        page = wait_for(lambda: (lambda html: "Werkwijze online" in html and html)(get(url) or ""))
        assert page, "no recovery after the error was mended"
        assert "Visie op het online werk" in page, "a data edit was not rebuilt"
    finally:
        server.terminate()
        server.wait(timeout=20)
