"""Everything about languages: which ones a site has and where each lives (`sites`, the only
module that knows pelican-i18n-subsites), the Babel extractor for rule files (`translate`),
reading and checking catalogs (`catalogs`, `catalog_check`) and UI texts installed as text
(`text_translations`). The plugin's own catalogs are in ../locale/."""
