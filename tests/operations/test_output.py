"""output/ always holds a complete site: killed builds, two builds at once, output/ as a link,
a full or read-only disk. Each problem is one line, and the last good site stays."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.operations.conftest import build_command, digest, retitle, run_build

KILLS = 20


def test_a_build_killed_at_20_random_moments_leaves_a_complete_site(site):
    """Between builds of two versions A and B, SIGKILL the build (and Pelican with it) at random
    moments from its start to twice its usual length: output/ is always exactly A or exactly
    B, never missing, never a mix. (Where a kill lands depends on the machine's load, so the
    test does not require both outcomes; the last build, not killed, must give A.)"""
    output = site / "output"
    versions = {}
    for name in ("A", "B"):
        retitle(site, f"Version {name}")
        started = time.monotonic()
        built = run_build(site, output)
        assert built.returncode == 0, built.stderr
        versions[name] = (digest(output), time.monotonic() - started)
    longest = max(seconds for _, seconds in versions.values())
    chance = random.Random(20261207)
    outcomes = []
    for number in range(KILLS):
        retitle(site, f"Version {'A' if number % 2 else 'B'}")
        process = subprocess.Popen(
            build_command(site, output),
            cwd=site,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(chance.uniform(0, longest * 2))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        assert output.is_dir(), f"kill {number}: output/ is missing"
        now = digest(output)
        match = [name for name, (files, _) in versions.items() if files == now]
        assert match, f"kill {number}: output/ is neither version A nor B (before: {outcomes})"
        outcomes.append(match[0])
    retitle(site, "Version A")
    again = run_build(site, output)
    assert again.returncode == 0, again.stderr
    assert digest(output) == versions["A"][0]


def test_a_second_build_waits_for_the_first(site):
    output = site / "output"
    first = subprocess.Popen(build_command(site, output), cwd=site, stderr=subprocess.PIPE, text=True)
    # The second build starts once the first holds the lock (its file appears as it is taken), not
    # after a fixed pause: on a loaded machine the first may still be starting Python after 0.5 s.
    lock = output.parent / f".{output.name}.lock"
    for _ in range(600):
        if lock.exists() or first.poll() is not None:
            break
        time.sleep(0.05)
    time.sleep(0.2)
    second = run_build(site, output)
    first_err = first.communicate(timeout=300)[1]
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    assert "ein anderer Build schreibt gerade hierhin – dieser wartet" in second.stderr
    assert (output / "quiz" / "demo" / "index.html").is_file()


def test_output_as_a_link_stays_a_link_and_the_build_goes_to_its_target(site, tmp_path):
    web_root = tmp_path / "www" / "kundenfit"
    web_root.mkdir(parents=True)
    (web_root / "alt.html").write_text("die alte Website", encoding="utf-8")
    output = site / "output"
    output.symlink_to(web_root)
    built = run_build(site, output)
    assert built.returncode == 0, built.stderr
    assert output.is_symlink() and os.readlink(output) == str(web_root)
    assert (web_root / "quiz" / "demo" / "index.html").is_file()
    assert not (web_root / "alt.html").exists(), "the target holds the new site, not a mix"
    retitle(site, "Neuer Titel")
    assert run_build(site, output).returncode == 0
    assert output.is_symlink()
    assert "Neuer Titel" in (web_root / "quiz" / "demo" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in web_root.parent.iterdir()) == [".kundenfit.lock", "kundenfit"]


def test_a_link_to_a_missing_folder_is_one_line(site, tmp_path):
    output = site / "output"
    output.symlink_to(tmp_path / "nicht-eingebunden" / "www")
    built = run_build(site, output)
    assert built.returncode == 2
    lines = [line for line in built.stderr.splitlines() if line.strip()]
    assert lines == [
        f"{output} -> {tmp_path / 'nicht-eingebunden' / 'www'}: den Ordner gibt es nicht – prüfe den Pfad "
        "(bei einem Link: wohin er zeigt, und ob das Laufwerk eingebunden ist); die letzte fertige "
        "Website bleibt, wie sie war."
    ]
    assert output.is_symlink()


def test_a_site_left_in_output_old_is_put_back(site):
    """A build killed between the two renames of the fallback swap (file systems without an
    atomic exchange) leaves the last site in output.old; the next build puts it back first."""
    output = site / "output"
    assert run_build(site, output).returncode == 0
    good = digest(output)
    output.rename(site / "output.old")
    (site / "content" / "rules" / "demo.yaml").write_text("rules: [\n", encoding="utf-8")  # a failing build
    failed = run_build(site, output)
    assert failed.returncode != 0
    assert (
        "output: die letzte fertige Website lag noch in output.old (ein Build brach ab) – zurückgeholt."
        in (failed.stderr)
    )
    assert digest(output) == good and not (site / "output.old").exists()


@contextmanager
def small_disk(folder: Path, size: str):
    """A tmpfs of `size` at `folder` (needs root, as in CI); skips where mounting is not allowed."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount(folder: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(folder)], check=True)


def problem_lines(stderr: str) -> list[str]:
    """What the build printed, less its notes about the changed title's missing translation."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not line.startswith(("Done:", "Regeltext ohne Übersetzung"))
    ]


def test_a_full_disk_is_one_line_keeps_the_site_and_the_next_build_succeeds(site, tmp_path):
    probe = tmp_path / "probe"
    assert run_build(site, probe).returncode == 0
    size_kb = sum(p.stat().st_size for p in probe.rglob("*") if p.is_file()) // 1024
    # Room for one site and a half: the first build fits, the second (beside the first) does not.
    with small_disk(tmp_path / "disk", f"{size_kb * 3 // 2}k") as disk:
        output = disk / "output"
        assert run_build(site, output).returncode == 0, "the first build fits"
        good = digest(output)
        retitle(site, "Neuer Titel")
        full = run_build(site, output)
        assert full.returncode != 0
        assert "Traceback" not in full.stderr
        lines = problem_lines(full.stderr)
        assert len(lines) == 1 and "kein Platz mehr auf dem Datenträger – mach Platz frei" in lines[0], lines
        assert digest(output) == good
        remount(disk, f"size={size_kb * 4}k")
        assert run_build(site, output).returncode == 0
        assert "Neuer Titel" in (output / "quiz" / "demo" / "index.html").read_text(encoding="utf-8")


def test_a_read_only_disk_is_one_line_and_keeps_the_site(site, tmp_path):
    with small_disk(tmp_path / "disk", "64m") as disk:
        output = disk / "output"
        assert run_build(site, output).returncode == 0
        good = digest(output)
        remount(disk, "ro")
        refused = run_build(site, output)
        assert refused.returncode == 2
        lines = problem_lines(refused.stderr)
        assert len(lines) == 1 and "der Datenträger ist schreibgeschützt" in lines[0], lines
        assert digest(output) == good
        remount(disk, "rw")
        assert run_build(site, output).returncode == 0


def test_a_missing_settings_file_is_one_line(site):
    (site / "pelicanconf.py").unlink()
    built = run_build(site, site / "output")
    assert built.returncode == 2
    assert problem_lines(built.stderr) == [
        "pelicanconf.py: den Ordner gibt es nicht – prüfe den Pfad (bei einem Link: wohin er zeigt, "
        "und ob das Laufwerk eingebunden ist); die letzte fertige Website bleibt, wie sie war."
    ]
