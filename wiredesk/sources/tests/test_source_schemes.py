"""Source addresses: http(s) feeds or local folders, nothing else (issue #11).

``wiredesk source add file:///srv/wire`` used to make a folder named ``file:`` under the
current directory; ``ftp://`` and the rest did the same. Now any URL scheme but http(s) is
refused, with the reason, before anything is created or looked up.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from wiredesk.ingest.netguard import Guard
from wiredesk.ingest.tests.loopback import Resolver, Server, only_public
from wiredesk.sources import websub
from wiredesk.sources.models import Source
from wiredesk.sources.services import SourceConfigError, clean_address, kind_of_address

pytestmark = pytest.mark.usefixtures("poll_settings")

REFUSED = [
    "file:///srv/wire/pti",
    "FILE:///srv/wire/pti",
    "ftp://wire.example/feed.xml",
    "gopher://wire.example:70/1",
    "sftp://wire.example/drop",
    "javascript:alert(1)",
    "data:text/xml,<rss/>",
    "wire+custom://anything",
]


def add(*args: str) -> str:
    out = StringIO()
    call_command("source", "add", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("address", REFUSED)
def test_other_schemes_are_refused_and_make_no_folder(
    address: str, agency: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    scheme = address.split(":")[0].lower()
    with pytest.raises(CommandError, match=f"^{re.escape(scheme)}: addresses cannot be sources: give an http"):
        add(address, "--agency", "acme")
    assert list(tmp_path.iterdir()) == []  # no "file:" or "ftp:" folder
    assert not Source.objects.exists()


def test_http_and_folders_still_work_and_a_colon_folder_needs_a_path(
    agency: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert "HTTP feed HTTPS://wire.example/feed" in add("HTTPS://wire.example/feed", "--agency", "acme")
    assert "drop folder" in add("drop", "--agency", "acme").lower() and (tmp_path / "drop").is_dir()
    with pytest.raises(CommandError, match=r"write \./notes:2024"):
        add("notes:2024", "--agency", "acme")
    add("./notes:2024", "--agency", "acme")
    assert (tmp_path / "notes:2024").is_dir()
    assert sorted(Source.objects.values_list("kind", flat=True)) == ["folder", "folder", "http"]


def test_the_cli_exits_non_zero_with_the_reason(tmp_path: Path) -> None:
    """The real command line: refused before the database is touched, exit status 1."""
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env["WIREDESK_HOME"] = str(tmp_path / "home")
    done = subprocess.run([sys.executable, "-m", "wiredesk", "source", "add", "ftp://wire.example/feed.xml",
                           "--agency", "acme"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 1
    assert "ftp: addresses cannot be sources" in done.stderr
    assert not (tmp_path / "ftp:").exists()


@pytest.mark.parametrize("address", ["https://wire.example/feed", "ftp://wire.example/"])
def test_a_drop_folder_is_never_a_url(address: str) -> None:
    with pytest.raises(SourceConfigError):
        clean_address(Source.Kind.FOLDER, address)


def test_kind_of_address() -> None:
    assert kind_of_address("http://wire.example/") == Source.Kind.HTTP
    assert kind_of_address("/srv/drop") == Source.Kind.FOLDER
    assert kind_of_address("relative/drop") == Source.Kind.FOLDER
    with pytest.raises(SourceConfigError, match="^gopher: "):
        kind_of_address("gopher://x/")


def test_a_websub_hub_is_reached_only_at_a_checked_address(make_source: object) -> None:
    """The hub a feed names goes through the same guard as feeds: a name resolving to an
    internal address is refused where the connection is made."""
    public = Server("127.0.0.1")
    internal = Server("127.0.0.2", public.port)
    internal.routes["/hub"] = (202, {}, b"")
    public.routes["/hub"] = (202, {}, b"")
    try:
        source = make_source("https://wire.example/feed", kind=Source.Kind.WEBSUB,  # type: ignore[operator]
                             websub_hub=f"http://hub.test:{public.port}/hub")  # fmt: skip
        rebinding = Resolver(hub_test=[["127.0.0.1"], ["127.0.0.2"]])
        guard = Guard(resolver=rebinding, policy=only_public)
        assert websub.subscribe(source, guard=guard) == ""
        refused = websub.subscribe(source, guard=guard)
        assert refused.startswith("The WebSub hub could not be reached: Refused: hub.test is a private or loopback")
        assert public.hits["/hub"] == 1 and internal.hits["/hub"] == 0
    finally:
        public.close()
        internal.close()
