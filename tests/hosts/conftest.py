"""The site built for one host and served by that host's own server, once per test module.

Each test module names its host (`HOST`, the KUNDENFIT_HOST value) and how to start the server
(`START`, a function of tests/hosts/servers.py). A missing server skips the module locally and
fails it when REQUIRE_BROWSER=1 (CI installs all of them: .ci/run).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hosts.servers import Running, ServerMissing
from tests.support.build import build_site
from tests.support.server import free_port


@dataclass
class Served:
    host: str
    url: str  # http://127.0.0.1:<port>/
    output: Path  # the built output folder (the server serves a copy)
    server: Running


@pytest.fixture(scope="module")
def served(request, tmp_path_factory) -> Served:
    host, start = request.module.HOST, request.module.START
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    out = tmp_path_factory.mktemp(f"host-{host}") / "output"
    result = build_site(out, origin, [f'KUNDENFIT_HOST="{host}"'])
    if result.returncode != 0:
        pytest.fail(f"site build for {host} failed:\n{result.stdout}\n{result.stderr}")
    try:
        server = start(out, port)
    except ServerMissing as missing:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(str(missing))
    yield Served(host, f"{origin}/", out, server)
    server.stop()
