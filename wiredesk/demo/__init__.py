"""Demo content for Wiredesk: invented agencies, sections and wire payloads.

See ``wire.generate_wire``. Nothing here touches the database; the ``wiredesk demo``
command and ``bench/ingest.py`` feed the generated payloads through the ingest pipeline.
"""

from __future__ import annotations

from wiredesk.demo.wire import DEMO_AGENCIES, DEMO_SECTIONS, FORMATS, DemoPayload, generate_wire

__all__ = ["DEMO_AGENCIES", "DEMO_SECTIONS", "FORMATS", "DemoPayload", "generate_wire"]
