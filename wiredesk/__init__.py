"""Wiredesk: the wire desk for online newsrooms that republish news-agency copy."""

__version__ = "0.1.0"
