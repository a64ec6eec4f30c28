"""Files the build writes besides the pages: checklist PDFs (`pdf`, `pdf_build`), each host's
header files (`hosts`, `host_output`), oEmbed responses and the manifest."""
