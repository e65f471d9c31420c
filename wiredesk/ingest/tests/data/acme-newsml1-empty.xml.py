"""A NewsML document with an envelope and no item."""

from wiredesk.ingest.exceptions import NotATextStory

error = (NotATextStory, "Not a text story: the newsml1 payload holds no text item.")
