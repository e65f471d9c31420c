"""The public site: pages, feeds, sitemaps. Reads stories; never changes them."""
