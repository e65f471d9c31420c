"""The API checked against its own OpenAPI document with schemathesis.

Schemathesis generates requests from ``/api/openapi.json`` (valid and invalid ones) and
checks every answer: no server error, a documented status code and content type, a body
matching the documented schema, invalid input refused, valid input accepted. It calls the
WSGI application in-process, authenticated as an editor (so writes get past the role check)
and with a few stories in the database.

Bounded and deterministic: a fixed number of examples per operation, derandomized.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from wiredesk.api.tests.conftest import Wire, bearer, make_user
from wiredesk.wsgi import application

MAX_EXAMPLES = 25
CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        "checks": {
            # A valid push whose bytes are no wire payload is quarantined (422); the document
            # cannot describe "a readable NITF/NewsML-G2/ninjs/… document" as a schema.
            "positive_data_acceptance": {"expected-statuses": ["2xx", "401", "403", "404", "410", "413", "422"]},
        },
    }
)


# Loaded when the module is collected (pytest-django has set Django up by then); serving
# the document touches no database.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application, config=CONFIG)


@pytest.fixture
def keep_connection() -> Iterator[None]:
    """Keep the test's database connection open across requests, as Django's test client does.

    The WSGI handler closes "old" connections when a request ends; inside a test's
    transaction that closes the very connection the test runs on (PostgreSQL).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def editor_headers(wire: Wire, keep_connection: None) -> dict[str, str]:
    return {"Authorization": bearer(make_user("schemathesis", "editor"))["HTTP_AUTHORIZATION"]}


# The database (a few stories, the editor's token) is set up once per operation and shared
# by its examples on purpose: what one request changes, the next may see, as in real use.
@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None)
def test_api_conforms_to_its_openapi_document(case: schemathesis.Case, editor_headers: dict[str, str]) -> None:
    case.call_and_validate(headers=editor_headers)


def test_the_document_is_openapi_3_1(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    schemathesis.openapi.from_dict(document)  # loads (and so parses) the whole document
