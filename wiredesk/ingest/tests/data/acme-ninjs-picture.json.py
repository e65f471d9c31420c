"""A single ninjs picture item is refused, naming its type."""

from wiredesk.ingest.exceptions import NotATextStory

error = (NotATextStory, "this ninjs item is of type 'picture'")
