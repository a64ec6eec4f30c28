"""Where the site is served from, as far as the privacy policy must say it (KUNDENFIT_HOST).

The hosts the Kundenfit plugin writes header files for (its outputs/hosts.py, docs/deploy.md)
differ in one way that matters for the Datenschutz page: Cloudflare, Netlify, GitHub and Amazon
are companies based in the USA that serve the site through servers worldwide, so the server
logs may leave the EU (a third-country transfer, Art. 44 ff. DSGVO). nginx and Apache run on a
server the coach rents or owns; the page then assumes that server is in the EU or EEA (see the
comment at KUNDENFIT_HOST in pelican.conf.py). Only facts that hold for every customer of a host
are stated here; nothing about the coach's own contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from pelican.plugins.kundenfit.outputs.hosts import DEFAULT_HOST


@dataclass(frozen=True)
class Host:
    """One KUNDENFIT_HOST value: the company behind it when that company is based in the USA."""

    key: str
    us_company: str | None = None  # None: own server, assumed in the EU/EEA

    @property
    def third_country(self) -> bool:
        return self.us_company is not None


HOSTS = {
    host.key: host
    for host in (
        Host("cloudflare", "Cloudflare, Inc."),
        Host("netlify", "Netlify, Inc."),
        Host("github-pages", "GitHub, Inc."),
        Host("s3", "Amazon Web Services, Inc."),
        Host("nginx"),
        Host("apache"),
    )
}


def host_of(settings: dict) -> Host:
    """The host the site is published on (KUNDENFIT_HOST, default Cloudflare Pages)."""
    key = str(settings.get("KUNDENFIT_HOST") or DEFAULT_HOST).strip().lower()
    return HOSTS.get(key, HOSTS[DEFAULT_HOST])
