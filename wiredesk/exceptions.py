"""The root of every error Wiredesk raises on purpose."""


class WiredeskError(Exception):
    """Base class of Wiredesk's own errors; the message is meant for a person to read."""
