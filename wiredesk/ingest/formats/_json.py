"""Read JSON payloads for the JSON parsers (ninjs, JSON Feed), and pick values out safely.

``load_json`` decodes the bytes (UTF-8 with or without a byte order mark, UTF-16 and
UTF-32 by their BOM or byte pattern, Windows-1252 as a last resort for agencies that do not
send UTF-8) and turns every failure into a ``ParseError`` a desk editor can read. The small
getters never raise: a value of the wrong JSON type counts as absent.

Does not validate against a schema and does not know any wire format.
"""

from __future__ import annotations

import json
from typing import Any, Final

from wiredesk.ingest.exceptions import ParseError

JsonObject = dict[str, Any]

_UTF8_BOM: Final = b"\xef\xbb\xbf"
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")


def load_json(data: bytes, format_name: str) -> Any:
    """Return the decoded JSON value of ``data``; raise ``ParseError`` when it is not JSON."""
    text = _decode(data)
    if not text.strip():
        raise ParseError(f"The {format_name} payload is empty.")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"The {format_name} payload is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
        ) from exc
    except RecursionError as exc:
        raise ParseError(f"The {format_name} payload is nested too deeply to be read.") from exc
    except ValueError as exc:  # NaN/Infinity, numbers of thousands of digits
        raise ParseError(f"The {format_name} payload is not readable JSON: {exc}.") from exc


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _decode(data: bytes) -> str:
    if data.startswith(_UTF8_BOM):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(_UTF16_BOMS) or (len(data) > 1 and (data[0] == 0 or data[1] == 0)):
        encoding = json.detect_encoding(data)  # UTF-16/32, with or without BOM
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ParseError(f"The payload is not valid {encoding.upper()} text.") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def text_value(value: Any) -> str:
    """``value`` when it is a string (stripped), a number as text, else ``""``."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def first_text(obj: JsonObject, *keys: str) -> str:
    """The first non-empty string value among ``keys`` of ``obj``."""
    for key in keys:
        raw = obj.get(key)
        if raw is None:
            continue  # the usual case for all but one of the spellings asked for
        value = text_value(raw)
        if value:
            return value
    return ""


def object_list(value: Any) -> list[JsonObject]:
    """``value`` as a list of JSON objects: a single object becomes a list, other entries drop."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [entry for entry in value if isinstance(entry, dict)]
    return []


def names(value: Any) -> list[str]:
    """Names in a string, an object with ``name``, or a list of either (bylines, authors)."""
    entries = value if isinstance(value, list) else [value]
    result: list[str] = []
    for entry in entries:
        name = text_value(entry.get("name")) if isinstance(entry, dict) else text_value(entry)
        if name and name not in result:
            result.append(name)
    return result
