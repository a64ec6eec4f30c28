"""Markdown files parsed in worker processes give the same site as files parsed one by one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.bench_scale import generate
from tests.site.test_incremental import differences

# Runs Pelican as `python -m pelican` does and prints how many files went to the workers.
DRIVER = textwrap.dedent(
    """
    import sys
    from pelican import main
    from pelican.plugins.kundenfit import parallel_reads, shared_runs

    handed = []
    prefetch = parallel_reads.prefetch

    def counting(generator):
        before = len(shared_runs._expected)
        prefetch(generator)
        handed.append(len(shared_runs._expected) - before)

    parallel_reads.prefetch = counting
    sys.argv = ["pelican", *sys.argv[1:]]
    main()
    print("handed to workers:", sum(handed))
    """
)


def build(site, output, cache, workers: str) -> str:
    command = [sys.executable, "-c", DRIVER, "content", "-o", str(output), "-s", "pelican.conf.py"]
    command += ["--log-handler", "plain", "-e", f'CACHE_PATH="{cache}"']
    env = {**os.environ, "KUNDENFIT_PARSE_WORKERS": workers}
    result = subprocess.run(command, cwd=site, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_parallel_parse_writes_the_same_site(tmp_path):
    site = tmp_path / "site"
    generate(site, 25, 0)  # 50 articles: enough for the workers
    assert "handed to workers: 50" in build(site, tmp_path / "parallel", tmp_path / "cache-parallel", "2")
    assert "handed to workers: 0" in build(site, tmp_path / "serial", tmp_path / "cache-serial", "0")
    assert differences(tmp_path / "parallel", tmp_path / "serial") == []
