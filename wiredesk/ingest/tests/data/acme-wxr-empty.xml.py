"""An export with no item."""

from wiredesk.ingest.exceptions import NotATextStory

error = (NotATextStory, "Not a text story: the wxr payload holds no text item.")
