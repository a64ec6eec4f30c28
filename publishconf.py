"""Pelican settings for publishing: the local settings plus the site's real address.

`make publish` builds with this file and refuses while a placeholder is left: in
pelican.conf.py (owner, privacy, lead form) or here (SITEURL). Write the address below, or
leave it and pass it in the environment: KUNDENFIT_SITEURL=https://www.deine-domain.de make publish
"""

import os
import runpy

# Every setting of pelican.conf.py (its name is the project's convention, so it is not importable).
_LOCAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pelican.conf.py")
globals().update({k: v for k, v in runpy.run_path(_LOCAL).items() if k.isupper()})

# The site's address, without a slash at the end, e.g. "https://www.deine-domain.de".
SITEURL = os.environ.get("KUNDENFIT_SITEURL", "")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ATOM = "feeds/all.atom.xml"
# The build stops with one line per placeholder (pelican.plugins.site_helpers.publish_check).
SITE_PUBLISH_CHECK = True
