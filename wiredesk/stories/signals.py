"""Signals the stories app sends for changes that bypass ``post_save``.

``stories_changed`` is sent with ``story_ids`` (a list of ``Story`` primary keys) after a
batch of stories was stored with bulk writes (``bulk_create``, ``executemany``), which send
no model signals. The public site purges its caches on it. Send it after the transaction
that wrote the rows, or from inside it: receivers must cope with both. Ingest also sends
``created``: the ids among ``story_ids`` of stories that did not exist before the batch
(they have no page anyone could have cached yet).

``stories_created`` is sent with ``story_ids`` by ingest after the transaction that created
those stories (only stories that did not exist before, whatever their first version: new,
embargoed or killed on arrival). Routing rules run on it.
"""

from django.dispatch import Signal

stories_changed = Signal()
stories_created = Signal()
