"""Front-cache purge: which pages a change affects, and the backends that forget them.

``purge_for_stories`` (in ``affected``) is the entry point for story changes: the
after-commit step ``purge-pages`` (``wiredesk.site.after``) calls it after every ingest
batch, desk action and enrichment; ``wiredesk.site.signal_handlers`` calls its siblings for
sections, agencies and deleted stories.
Backends: ``base.PurgeBackend`` (the interface), ``dummy.DummyBackend`` (tests),
``nginx.NginxBackend`` (``deploy/nginx/wiredesk.conf``).

This package imports nothing eagerly: ``wiredesk.site.cache`` imports ``base`` and
``affected`` imports ``cache``.
"""
