"""RSS 2.0 channel without items: the parser returns no story and no skipped item, and
detect.parse_payload turns that into NotATextStory."""

from wiredesk.ingest.exceptions import NotATextStory

error = (NotATextStory, "holds no text item")
