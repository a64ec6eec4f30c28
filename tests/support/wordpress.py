"""A real WordPress for the browser tests: Debian's wordpress, mariadb-server and apache2.

Everything runs from one temporary folder on loopback and is stopped afterwards: MariaDB on a
Unix socket only, Apache with its own configuration on 127.0.0.1:<port>, and a document root
that uses Debian's WordPress files (/usr/share/wordpress) with its own wp-config.php (Debian's
reads /etc/wordpress/config-<host>.php, which a test should not write). The top-level PHP files
are copied, because WordPress takes ABSPATH from the folder of wp-load.php; wp-admin and
wp-includes are links. Two themes from Debian: Twenty Twenty-One (a classic theme, where the
coach of issue 25 found the layout faults) and Twenty Twenty-Three, the default theme of the
WordPress 6.1 Debian ships (a block theme); `use_theme()` switches between them.

The test-only mu-plugin `kundenfit-loopback.php` lets WordPress fetch the Kundenfit site on a
loopback port: WordPress refuses oEmbed discovery from private and loopback addresses and from
ports other than 80, 443 and 8080 (wp_http_validate_url); a real Kundenfit site is public.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

WP = Path("/usr/share/wordpress")
THEMES = ("twentytwentyone", "twentytwentythree")  # a classic theme and WordPress 6.1's default
MODULES = Path("/usr/lib/apache2/modules")
PASSWORD = "kundenfit-test"


def missing() -> str | None:
    """What is missing to run WordPress here (None: nothing), for the skip/fail message."""
    needs = {
        "wordpress": WP / "wp-load.php",
        **{
            f"wordpress-theme-{theme}": WP / "wp-content" / "themes" / theme / "style.css" for theme in THEMES
        },
        "apache2": Path("/usr/sbin/apache2"),
        "libapache2-mod-php": next(iter(glob.glob(str(MODULES / "libphp*.so"))), MODULES / "libphp.so"),
    }
    absent = [name for name, path in needs.items() if not Path(path).exists()]
    for program, package in (("mariadbd", "mariadb-server"), ("mariadb-install-db", "mariadb-server")):
        if not (shutil.which(program) or Path("/usr/sbin", program).exists()) and package not in absent:
            absent.append(package)
    if not shutil.which("php"):
        absent.append("php-cli")
    return f"Debian packages missing: {' '.join(absent)}" if absent else None


def _program(name: str) -> str:
    return shutil.which(name) or str(Path("/usr/sbin") / name)


def _wait_for(check, what: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"timed out waiting for {what}")


class WordPress:
    """Start MariaDB and Apache, install WordPress; `php(code)` runs PHP inside it; stop()."""

    def __init__(self, port: int, allowed_port: int):
        self.root = Path(tempfile.mkdtemp(prefix="kf-wordpress-"))
        self.root.chmod(0o755)  # Apache's and MariaDB's users must reach their files
        self.url = f"http://127.0.0.1:{port}"
        self.port = port
        self.as_root = os.geteuid() == 0
        self.processes: list[subprocess.Popen] = []
        try:
            self._database()
            self._docroot(allowed_port)
            self._apache()
            self._install()
        except BaseException:
            self.stop()
            raise

    # -- MariaDB --------------------------------------------------------------------------------
    def _database(self) -> None:
        data, run = self.root / "mysql", self.root / "run"
        data.mkdir()
        run.mkdir(mode=0o777)
        run.chmod(0o777)
        self.socket = run / "mysqld.sock"
        user = ["--user=mysql"] if self.as_root else []
        if self.as_root:
            shutil.chown(data, "mysql", "mysql")
        subprocess.run(
            [_program("mariadb-install-db"), "--no-defaults", f"--datadir={data}", *user,
             "--auth-root-authentication-method=normal", "--skip-test-db"],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        self.processes.append(
            subprocess.Popen(
                [
                    _program("mariadbd"),
                    "--no-defaults",
                    f"--datadir={data}",
                    f"--socket={self.socket}",
                    "--skip-networking",
                    f"--pid-file={run / 'mysqld.pid'}",
                    f"--log-error={self.root / 'mysqld.log'}",
                    *user,
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )  # fmt: skip
        )
        sql = (
            "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY "
            f"'{PASSWORD}'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"
        )
        client = [_program("mariadb"), "--no-defaults", f"--socket={self.socket}", "-uroot"]
        _wait_for(lambda: subprocess.run([*client, "-e", "SELECT 1"], capture_output=True).returncode == 0,
                  "MariaDB")  # fmt: skip
        subprocess.run([*client, "-e", sql], check=True, capture_output=True)

    # -- WordPress files --------------------------------------------------------------------------
    def _docroot(self, allowed_port: int) -> None:
        self.docroot = docroot = self.root / "wp"
        docroot.mkdir()
        for entry in WP.iterdir():
            if entry.suffix == ".php" and entry.name != "wp-config.php":
                shutil.copy2(entry, docroot / entry.name)
        for folder in ("wp-admin", "wp-includes"):
            (docroot / folder).symlink_to(WP / folder)
        content = docroot / "wp-content"
        for sub in ("themes", "plugins", "mu-plugins", "uploads"):
            (content / sub).mkdir(parents=True)
        for theme in THEMES:
            (content / "themes" / theme).symlink_to(WP / "wp-content" / "themes" / theme)
        (content / "mu-plugins" / "kundenfit-loopback.php").write_text(
            "<?php\n"
            "// Test only: WordPress may fetch the Kundenfit site on this loopback port (oEmbed\n"
            "// discovery refuses loopback hosts and ports other than 80/443/8080). A real site is public.\n"
            "add_filter('http_request_host_is_external', function ($external, $host) {\n"
            "  return $external || '127.0.0.1' === $host;\n"
            "}, 10, 2);\n"
            "add_filter('http_allowed_safe_ports', function ($ports) {\n"
            f"  $ports[] = {int(allowed_port)};\n"
            "  return $ports;\n"
            "});\n",
            encoding="utf-8",
        )
        (docroot / "wp-config.php").write_text(
            "<?php\n"
            "define('DB_NAME', 'wordpress');\n"
            "define('DB_USER', 'wordpress');\n"
            f"define('DB_PASSWORD', '{PASSWORD}');\n"
            f"define('DB_HOST', 'localhost:{self.socket}');\n"
            "define('DB_CHARSET', 'utf8mb4');\n"
            "define('DB_COLLATE', '');\n"
            "$table_prefix = 'wp_';\n"
            f"define('WP_HOME', '{self.url}');\n"
            f"define('WP_SITEURL', '{self.url}');\n"
            f"define('WP_CONTENT_DIR', '{content}');\n"
            f"define('WP_CONTENT_URL', '{self.url}/wp-content');\n"
            "define('DISABLE_WP_CRON', true);\n"
            "define('AUTOMATIC_UPDATER_DISABLED', true);\n"
            "// No network but loopback: WordPress would otherwise ask wordpress.org for updates.\n"
            "define('WP_HTTP_BLOCK_EXTERNAL', true);\n"
            "if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');\n"
            "require_once ABSPATH . 'wp-settings.php';\n",
            encoding="utf-8",
        )

    # -- Apache ---------------------------------------------------------------------------------
    def _apache(self) -> None:
        php = sorted(glob.glob(str(MODULES / "libphp*.so")))[-1]
        modules = {"mpm_prefork": "mod_mpm_prefork.so", "authz_core": "mod_authz_core.so",
                   "dir": "mod_dir.so", "mime": "mod_mime.so"}  # fmt: skip
        lines = [f"LoadModule {name}_module {MODULES / so}" for name, so in modules.items()]
        lines += [
            f"LoadModule php_module {php}",
            f"ServerRoot {self.root}",
            f"Listen 127.0.0.1:{self.port}",
            "ServerName 127.0.0.1",
            f"PidFile {self.root / 'apache.pid'}",
            f"ErrorLog {self.root / 'apache-error.log'}",
            f"Mutex file:{self.root}",
            "TypesConfig /etc/mime.types",
            "StartServers 2",
            "MaxRequestWorkers 8",
            f"DocumentRoot {self.docroot}",
            "DirectoryIndex index.php index.html",
            *(
                f'<Directory "{d}">\n  Options FollowSymLinks\n  AllowOverride None\n  Require all granted\n'
                "</Directory>"
                for d in (self.docroot, WP)
            ),
            '<FilesMatch "\\.php$">\n  SetHandler application/x-httpd-php\n</FilesMatch>',
        ]
        if self.as_root:
            lines += ["User www-data", "Group www-data"]
        conf = self.root / "apache.conf"
        conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.processes.append(
            # Its own session: on stopping, Apache signals its whole process group.
            subprocess.Popen(
                [_program("apache2"), "-f", str(conf), "-DFOREGROUND"],
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
        )

        def answers():
            try:
                with urllib.request.urlopen(f"{self.url}/wp-includes/js/wp-embed.min.js", timeout=2):
                    return True
            except OSError:
                return False

        _wait_for(answers, "Apache")

    # -- installing and content -----------------------------------------------------------------
    def php(self, code: str, installing: bool = False) -> str:
        """Run PHP `code` inside WordPress (wp-load.php loaded) and return what it printed."""
        script = self.root / "script.php"
        script.write_text(
            "<?php\n"
            + ("define('WP_INSTALLING', true);\n" if installing else "")
            + f"require '{self.docroot / 'wp-load.php'}';\n"
            + code,
            encoding="utf-8",
        )
        result = subprocess.run(["php", str(script)], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"PHP failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def _install(self) -> None:
        self.php(
            "require_once ABSPATH . 'wp-admin/includes/upgrade.php';\n"
            f"wp_install('Coaching-Blog', 'admin', 'admin@example.org', false, '', '{PASSWORD}');\n"
            f"switch_theme('{THEMES[0]}');\n"
            "wp_insert_user(['user_login' => 'autorin', 'user_pass' => '" + PASSWORD + "',"
            " 'user_email' => 'autorin@example.org', 'role' => 'author']);\n",
            installing=True,
        )

    def use_theme(self, theme: str) -> None:
        """Show the site in `theme` (one of THEMES) from the next page view on."""
        self.php(f"switch_theme({json.dumps(theme)});\n")

    def post(self, user: str, title: str, content: str) -> str:
        """Publish a post as `user` (kses filters what that role may not post); return its URL."""
        data = json.dumps({"user": user, "title": title, "content": content})
        out = self.php(
            f"$d = json_decode({json.dumps(data)}, true);\n"
            "$user = get_user_by('login', $d['user']);\n"
            "wp_set_current_user($user->ID);  // kses_init: filters unless the role has unfiltered_html\n"
            "$id = wp_insert_post(['post_title' => $d['title'], 'post_content' => $d['content'],"
            " 'post_status' => 'publish', 'post_author' => $user->ID], true);\n"
            "if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }\n"
            "echo json_encode(['url' => get_permalink($id),"
            " 'content' => get_post_field('post_content', $id)]);\n"
        )
        saved = json.loads(out)
        self.saved = getattr(self, "saved", {}) | {title: saved["content"]}
        return saved["url"]

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes = []
        shutil.rmtree(self.root, ignore_errors=True)
