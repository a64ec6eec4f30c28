"""Apache from Debian reading the `.htaccess` the build writes."""

from __future__ import annotations

from tests.hosts import servers
from tests.hosts.contract import (  # noqa: F401 - pytest collects the imported tests here
    blog,
    test_embed_page_reaches_the_result_inside_a_frame_on_another_origin,
    test_embed_pages_may_be_framed_by_any_site,
    test_fingerprinted_assets_are_kept_a_year,
    test_host_files_are_not_served,
    test_other_addresses_and_loader_refuse_frames,
    test_pages_and_loader_are_refused_inside_a_frame,
    test_unknown_address_gets_the_404_page_of_its_language,
)

HOST = "apache"
START = servers.apache
