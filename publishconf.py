"""Settings for publishing (`make publish`): this site's pelican.conf.py plus its real address.

Set the address once, e.g. `KUNDENFIT_SITEURL=https://www.deine-seite.de make publish`, or write
it below. The build refuses, one line per problem, while a placeholder, an example address or a
local address is left (plugins/site_helpers/.../publishing.py).
"""

import os
import runpy
from pathlib import Path

_local = runpy.run_path(str(Path(__file__).with_name("pelican.conf.py")))
globals().update({name: value for name, value in _local.items() if name.isupper()})

SITEURL = os.environ.get("KUNDENFIT_SITEURL", "")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
PUBLISH_CHECK = True
