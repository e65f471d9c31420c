"""``wiredesk import wordpress``: posts through the real ingest, old permalinks answering 301 → 200."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.test import Client

from wiredesk.stories.models import Agency, RawPayload, Section, Story, StoryVersion
from wiredesk.wordpress.importer import WordPressImport
from wiredesk.wordpress.models import ImportedPost, ImportRun, OldPath
from wiredesk.wordpress.tests.factories import SITE, permalink, write_export

POSTS = 400  # three batches of 150: resumption and batching are exercised


@pytest.fixture(autouse=True)
def site_settings(settings: object) -> None:
    settings.WIREDESK_SITE_NAME = "Harbour Herald"  # type: ignore[attr-defined]
    caches["pages"].clear()


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_export(tmp_path / "export.xml", POSTS)


def run(*args: str) -> str:
    out = StringIO()
    call_command("import", "wordpress", *args, "--progress", "never", stdout=out)
    return out.getvalue()


def follow(client: Client, old: str) -> tuple[str, str]:
    """Request an old URL: it must answer 301, and its target 200; returns (target, page)."""
    response = client.get(old)
    assert response.status_code == 301, (old, response.status_code)
    target = response["Location"]
    page = client.get(target)
    assert page.status_code == 200, (old, target, page.status_code)
    return target, page.content.decode()


@pytest.mark.django_db
def test_import_then_follow_old_permalinks(export: Path) -> None:
    out = run(str(export), "--batch-size", "150")
    assert "400 posts" in out and "392 new" in out and "8 killed" in out  # 8 drafts: withheld
    assert Story.objects.count() == StoryVersion.objects.count() == RawPayload.objects.count() == POSTS
    client = Client()
    # the three permalink structures of the export: date, category, plain ?p=
    for n in (0, 1, 2, 300):
        old = permalink(n).removeprefix(SITE)
        target, page = follow(client, old)
        assert target.startswith("/story/") and f"Harbour story number {n}" in page
    # every post also answers at ?p=ID, by its slug alone, and with WordPress's suffixes
    target, _ = follow(client, "/?p=1003")
    assert follow(client, "/harbour-story-3/")[0] == target
    assert follow(client, "/2024/01/04/harbour-story-3/amp/")[0] == target
    assert follow(client, "/2024/01/04/HARBOUR-STORY-3")[0] == target
    assert follow(client, "/index.php?p=1003&utm_source=x")[0] == target
    # the site's own URLs are untouched; unknown paths still 404
    assert client.get("/").status_code == 200
    assert client.get("/?p=999999").status_code == 200  # no such post: the home page, as before
    assert client.get("/no/such/page/").status_code == 404
    assert client.get("/api/no-such-harbour-story-3/").status_code == 404  # not guessed under /api/


@pytest.mark.django_db
def test_own_and_syndicated_posts(export: Path) -> None:
    run(str(export))
    own = Agency.objects.get(own=True)
    assert own.name == "Harbour Herald"
    ians = Agency.objects.get(name="IANS")  # the author of the syndicated posts, created as ingest would
    assert not ians.own
    assert Story.objects.filter(agency=ians).count() == POSTS // 5
    client = Client()
    _, own_page = follow(client, permalink(0).removeprefix(SITE))
    _, syndicated_page = follow(client, permalink(4).removeprefix(SITE))
    assert "syndicated feed" not in own_page
    # Wiredesk's provenance line, once: the old site's copy was left out of the body
    assert syndicated_page.count("published from a syndicated feed") == 1
    post = ImportedPost.objects.get(post_id=1004)
    assert post.syndicated and post.agency == ians and post.author == "IANS"


@pytest.mark.django_db
def test_known_agency_and_agency_option(tmp_path: Path) -> None:
    ians = Agency.objects.create(slug="ians", name="Indo-Asian News Service", aliases="IANS")
    pti = Agency.objects.create(slug="pti", name="Press Trust of India")
    path = write_export(tmp_path / "e.xml", 10)
    run(str(path), "--agency", "pti")
    # the author "IANS" is an alias of a known agency: it wins over --agency
    assert set(Story.objects.exclude(agency__own=True).values_list("agency", flat=True)) == {ians.pk}
    assert not Story.objects.filter(agency=pti).exists()


@pytest.mark.django_db
def test_rerun_changes_nothing(export: Path) -> None:
    run(str(export))
    counts = (Story.objects.count(), StoryVersion.objects.count(), RawPayload.objects.count(), OldPath.objects.count())
    out = run(str(export))
    assert "400 already imported" in out and "nothing new" in out
    assert counts == (
        Story.objects.count(), StoryVersion.objects.count(), RawPayload.objects.count(), OldPath.objects.count()
    )


@pytest.mark.django_db
def test_an_interrupted_import_resumes(export: Path) -> None:
    own = Agency.objects.create(slug="herald", name="Harbour Herald", own=True)
    seen = []

    def stop_after_two_batches(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) == 250:
            raise KeyboardInterrupt

    job = WordPressImport(path=export, own_agency=own, batch_size=100, progress=stop_after_two_batches)
    with pytest.raises(KeyboardInterrupt):
        job.run()
    run_record = ImportRun.objects.get()
    assert run_record.finished is None and 0 < run_record.position < 250
    half = ImportedPost.objects.count()
    assert 0 < half < POSTS
    out = run(str(export), "--batch-size", "100")
    assert f"resumed after item {run_record.position}" in out
    assert ImportedPost.objects.count() == Story.objects.count() == StoryVersion.objects.count() == POSTS
    assert ImportRun.objects.get().finished is not None


@pytest.mark.django_db
def test_dry_run_writes_nothing(export: Path) -> None:
    agencies = Agency.objects.count()
    out = run(str(export), "--dry-run")
    assert "400 posts" in out and "IANS (new) 80" in out
    assert (Story.objects.count(), RawPayload.objects.count(), ImportRun.objects.count()) == (0, 0, 0)
    assert Agency.objects.count() == agencies


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_section_map_and_category_archives(tmp_path: Path, kind: str) -> None:
    Section.objects.create(slug="sport", name="Sport")
    path = write_export(tmp_path / "e.xml", 30)
    mapping = {"culture": "arts", "politics": ""}
    map_file = tmp_path / f"map.{kind}"
    if kind == "json":
        map_file.write_text(json.dumps(mapping))
    else:
        map_file.write_text("category,section\n" + "".join(f"{k},{v}\n" for k, v in mapping.items()))
    run(str(path), "--sections", str(map_file))
    arts = Section.objects.get(slug="arts")  # created from the map, named after the category
    assert arts.name == "Culture"
    assert Story.objects.filter(section=arts).count() == 10
    assert Story.objects.filter(section__isnull=True).count() == 20  # politics: none; sport: not in the map
    response = Client().get("/category/culture/")
    assert (response.status_code, response["Location"]) == (301, "/section/arts/")


@pytest.mark.django_db
def test_without_a_map_categories_meet_sections_of_the_same_slug(tmp_path: Path) -> None:
    sport = Section.objects.create(slug="sport", name="Sport")
    run(str(write_export(tmp_path / "e.xml", 30)))
    assert Story.objects.filter(section=sport).count() == 10


@pytest.mark.django_db
def test_statuses_and_featured_images(export: Path) -> None:
    run(str(export))
    client = Client()
    draft = ImportedPost.objects.get(post_id=1049)
    assert draft.status == "draft"
    response = client.get("/?p=1049")
    assert response.status_code == 301
    assert client.get(response["Location"]).status_code in (404, 410)  # withheld: never shown
    with_image = ImportedPost.objects.get(post_id=1010)
    assert with_image.featured_image_url == f"{SITE}/wp-content/uploads/photo-10.jpg"
    assert ImportedPost.objects.exclude(featured_image_url="").count() == POSTS // 10
    version = Story.objects.get(pk=with_image.story_id).current_version
    assert version is not None and version.format == "wxr"
    assert {"code": "wp-tag:harbour", "name": "harbour"} in version.subjects


@pytest.mark.django_db
def test_command_errors(tmp_path: Path, export: Path) -> None:
    with pytest.raises(CommandError, match="No such file"):
        run(str(tmp_path / "missing.xml"))
    with pytest.raises(CommandError, match="No agency 'nobody'"):
        run(str(export), "--agency", "nobody")
    bad = tmp_path / "map.json"
    bad.write_text("[1, 2]")
    with pytest.raises(CommandError, match="must be an object"):
        run(str(export), "--sections", str(bad))
    not_wxr = tmp_path / "feed.xml"
    not_wxr.write_text("<feed/>")
    with pytest.raises(CommandError, match="no <channel>"):
        run(str(not_wxr))


@pytest.mark.django_db
def test_own_agency(export: Path) -> None:
    Agency.objects.create(slug="harbour-herald", name="Someone else")
    with pytest.raises(CommandError, match="--own-agency"):
        run(str(export))
    run(str(export), "--own-agency", "herald")
    own = Agency.objects.get(own=True)
    assert own.slug == "herald" and Story.objects.filter(agency=own).count() == POSTS - POSTS // 5


@pytest.mark.django_db
def test_the_agency_marked_own_is_used(tmp_path: Path) -> None:
    call_command("agency", "add", "herald", "--name", "The Harbour Herald", "--own", stdout=StringIO())
    run(str(write_export(tmp_path / "e.xml", 5)))
    herald = Agency.objects.get(slug="herald")
    assert herald.own and Agency.objects.filter(own=True).count() == 1
    assert Story.objects.filter(agency=herald).count() == 4  # post 4 is syndicated
