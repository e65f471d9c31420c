"""RSS 2.0 whose DOCTYPE declares an external entity (XXE): refused before any parser reads it."""

from wiredesk.ingest.exceptions import UnsafeXML

error = (UnsafeXML, "declares entities or external references")
