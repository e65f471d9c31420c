"""Front-cache purge: which pages a change affects, and the backends that forget them.

``purge_for_stories`` (in ``affected``) is the entry point for story changes that send no
``post_save`` (bulk ingest); ``wiredesk.site.signal_handlers`` calls it and its siblings.
Backends: ``base.PurgeBackend`` (the interface), ``dummy.DummyBackend`` (tests),
``nginx.NginxBackend`` (``deploy/nginx/wiredesk.conf``).

This package imports nothing eagerly: ``wiredesk.site.cache`` imports ``base`` and
``affected`` imports ``cache``.
"""
