from wiredesk.ingest.exceptions import NotATextStory

# A news message with a package and two pictures but no text story is refused as a whole.
error = (NotATextStory, "Not a text story: the NewsML-G2 news message holds a package and 2 pictures")
