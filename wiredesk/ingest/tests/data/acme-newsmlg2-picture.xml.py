from wiredesk.ingest.exceptions import NotATextStory

error = (NotATextStory, "Not a text story: this NewsML-G2 news item is a picture (ninat:picture).")
