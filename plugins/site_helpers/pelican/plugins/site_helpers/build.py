"""`make html` and `make publish`: build into a staging folder and put it in place of output/.

What a coach's machine and web host do around a build is handled here, so that the site is never
lost and every problem is one line:

- one build at a time per output folder (a lock beside it): a second one waits for the first;
- a broken settings file is named with file:line before Pelican starts (Pelican would print a
  traceback);
- the finished site and the last one change places in one step (Linux's RENAME_EXCHANGE), so
  at every instant output/ holds a complete site; where that is missing, two renames, and a site
  left in `<output>.old` by a build killed between them is put back by the next build;
- the build goes to a staging folder beside output/ (`.output.build-new`, on the same file
  system); output/ may be a link (to a web root or a share): then the build happens beside the
  link's target and takes its place, and the link stays a link;
- the operating system's refusals (disk full, no permission, read-only, missing folder) are one
  line naming the path, and the last good site stays.

    python -m pelican.plugins.site_helpers.build --output output --settings pelican.conf.py \\
        -- content --log-handler plain
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import os
import runpy
import shutil
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

from pelican.plugins.kundenfit.problems import os_problem_line

EXIT_PROBLEM = 2
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def settings_problem(settings: Path) -> str | None:
    """One line for a settings file Python cannot run (syntax error, misspelt key, …), or None."""
    try:
        runpy.run_path(str(settings))
    except OSError as error:  # the file itself cannot be read
        return os_problem_line(error, str(settings))
    except SyntaxError as error:
        where = f"{error.filename or settings}:{error.lineno or 1}"
        return (
            f"{where}: Python kann diese Zeile nicht lesen ({error.msg}) – prüfe Klammern, "
            "Anführungszeichen und Kommas."
        )
    except Exception as error:
        frames = traceback.extract_tb(error.__traceback__)
        ours = [f for f in frames if Path(f.filename).resolve().parent == settings.resolve().parent]
        frame = (ours or [None])[-1]
        where = f"{frame.filename}:{frame.lineno}" if frame else str(settings)
        if frame and frame.line:
            where += f": {frame.line.strip()[:80]}"
        if isinstance(error, KeyError):
            key = error.args[0] if error.args else "?"
            why = f"den Eintrag {key!r} gibt es nicht – prüfe seine Schreibweise dort, wo er angelegt wird"
        elif isinstance(error, NameError):
            why = f"{error} – fehlen Anführungszeichen um einen Text?"
        else:
            why = f"{type(error).__name__}: {error} – prüfe diese Zeile"
        return f"{where}: {why}."
    return None


@contextlib.contextmanager
def one_build_at_a_time(output: Path) -> Iterator[None]:
    """Hold the lock beside `output`; a second build waits for the first (with one line)."""
    lock_path = output.parent / f".{output.name}.lock"
    with lock_path.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"{output}: ein anderer Build schreibt gerade hierhin – dieser wartet, bis er fertig ist.")
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def place_of(output: Path) -> Path:
    """Where the site really lies: `output`, or the folder a link named `output` points to."""
    if output.is_symlink():
        return Path(os.path.realpath(output))
    return output


def recover(site: Path) -> None:
    """Put back a site a killed build left in `<site>.old` while `site` is missing."""
    old = site.with_name(site.name + ".old")
    if old.is_dir() and not site.exists():
        old.rename(site)
        say(f"{site}: die letzte fertige Website lag noch in {old.name} (ein Build brach ab) – zurückgeholt.")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # this file system cannot exchange
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_in(staging: Path, site: Path) -> None:
    """Put the finished `staging` where `site` is; the last site goes away afterwards."""
    if not site.exists():
        staging.rename(site)
        return
    if not _exchange(staging, site):
        old = site.with_name(site.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        site.rename(old)
        staging.rename(site)  # a kill before this line: `recover` puts `old` back
        staging = old
    try:
        shutil.rmtree(staging)
    except OSError as error:  # the new site is in place; only the last one could not go
        say(
            f"{staging}: der letzte Stand ließ sich nicht ganz löschen ({error.strerror}: "
            f"{error.filename}) – lösch den Ordner von Hand, sonst hält er den nächsten Build auf."
        )


def staging_for(site: Path) -> Path:
    """The folder a build writes to before it takes `site`'s place: beside it, on its file system."""
    return site.with_name(f".{site.name}.build-new")


def build(output: Path, settings: Path, pelican_args: list[str]) -> int:
    problem = settings_problem(settings)
    if problem:
        say(problem)
        return EXIT_PROBLEM
    if output.is_symlink() and not output.exists():
        target = os.readlink(output)
        say(os_problem_line(FileNotFoundError(errno.ENOENT, "", target), f"{output} -> {target}"))
        return EXIT_PROBLEM
    site = place_of(output)
    staging = staging_for(site)
    with one_build_at_a_time(site):
        recover(site)
        if staging.exists():  # left by a killed build, or a last site that could not be deleted
            shutil.rmtree(staging)
        command = [sys.executable, "-m", "pelican", *pelican_args, "-s", str(settings), "-o", str(staging)]
        status = subprocess.run(command).returncode
        if status != 0:
            shutil.rmtree(staging, ignore_errors=True)
            return status
        swap_in(staging, site)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--settings", type=Path, required=True)
    parser.add_argument("pelican_args", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    pelican_args = args.pelican_args[1:] if args.pelican_args[:1] == ["--"] else args.pelican_args
    try:
        return build(args.output, args.settings, pelican_args)
    except OSError as error:
        say(os_problem_line(error))
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
