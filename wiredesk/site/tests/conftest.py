from __future__ import annotations

import pytest
from django.test import Client

from wiredesk.stories.models import Agency, Section

IANS_ABOUT = (
    "Indo-Asian News Service or IANS is a private Indian news agency. It was founded in 1986 "
    "by Indian American publisher Gopal Raju as the \"India Abroad News Service\" and later renamed."
)


@pytest.fixture(autouse=True)
def site_settings(settings: object) -> None:
    settings.WIREDESK_SITE_NAME = "Siasat"  # type: ignore[attr-defined]
    settings.WIREDESK_BASE_URL = "https://news.example"  # type: ignore[attr-defined]
    settings.TIME_ZONE = "Asia/Kolkata"  # type: ignore[attr-defined]


@pytest.fixture
def ians(db: None) -> Agency:
    return Agency.objects.create(slug="ians", name="Indo-Asian News Service", about=IANS_ABOUT, url="https://ians.in")


@pytest.fixture
def middle_east(db: None) -> Section:
    return Section.objects.create(slug="middle-east", name="Middle East", position=1)


@pytest.fixture
def client() -> Client:
    return Client()
