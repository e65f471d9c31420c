from wiredesk.ingest.exceptions import NotATextStory

# Refused by detect.py before the parser runs; the parser says the same if called directly.
error = (NotATextStory, "Not a text story: this is a NewsML-G2 package")
