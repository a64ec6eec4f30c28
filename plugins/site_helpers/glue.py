"""Connect the theme filters to Pelican; the only module here that imports pelican."""

from pelican import signals

from . import filters


def add_filters(generator):
    """Give every generator's Jinja environment our filters and a gettext fallback."""
    env = generator.env
    env.filters.update(
        format_date=filters.format_date,
        reading_minutes=filters.reading_minutes,
        article_jsonld=filters.article_jsonld,
        absolute_url=filters.absolute_url,
    )
    if "gettext" not in env.globals and hasattr(env, "install_null_translations"):
        # Without a catalog (e.g. no i18n plugin) the German msgids are shown as they are.
        env.install_null_translations(newstyle=True)


def register():
    signals.generator_init.connect(add_filters)
