"""Import a WordPress export through the normal ingest, and remember every old URL.

``WordPressImport.run`` streams the export (``stream.py``); each post is read by the pure
adaptor (``formats/wxr.py``) and sent, as its own one-post payload, through
``ingest.pipeline.Pipeline`` — archive, decide, store, search index, routing, all as for any
wire — with the agency and section chosen here:

- **agency**: a post with the syndication provenance sentence (or a ``markers`` phrase) is
  syndicated copy: it goes to the agency whose slug, name or alias is the post's author,
  a name credited in its text ("(IANS)") or one of its categories; else to ``agency``
  (``--agency``); else to an agency named after its author, created as ``wiredesk ingest``
  would. Every other post is the site's own: ``own_agency`` (``Agency.own``).
- **section**: the post's first category that ``section_map`` maps to a section slug (the
  section is created, named after the category, when missing); without a map, the first
  category whose slug is a section's slug.

After each batch (one pipeline transaction), one more transaction writes the
``ImportedPost`` records, the ``OldPath`` rows of every old URL (permalink, guid, ``?p=ID``,
the slug) and the run's position: an interrupted import resumes after the last batch
written, and a post whose payload is unchanged is not sent again, so re-running changes
nothing. Featured images are recorded as attachment URLs for the pictures pipeline, which
does not exist yet. ``dry_run`` reads and counts but writes nothing.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats import wxr
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.stories.models import Agency, Section
from wiredesk.wordpress import paths
from wiredesk.wordpress._upsert import upsert
from wiredesk.wordpress.models import ImportedPost, ImportRun, OldPath
from wiredesk.wordpress.stream import Item, read_items, source_identity

BATCH_SIZE = 500


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower())


@dataclass
class Summary:
    """What an import did, by kind, and how fast; ``lines`` is what the command prints."""

    counts: Counter[str] = field(default_factory=Counter)
    agencies: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    resumed_at: int = 0

    def lines(self, *, dry_run: bool) -> list[str]:
        c = self.counts
        verb = "would import" if dry_run else "imported"
        rate = c["posts"] / self.seconds if self.seconds else 0.0
        out = [*self.problems]
        if self.resumed_at:
            out.append(f"resumed after item {self.resumed_at}")
        out.append(f"{c['items']} items: {c['posts']} posts, {c['attachments']} attachments, "
                   f"{c['other']} other items (pages, menus …) left out, {c['unreadable']} unreadable")  # fmt: skip
        if not dry_run:
            actions = ", ".join(f"{n} {word}" for word, n in sorted(c.items()) if word.startswith("story:"))
            out.append(f"{verb}: {actions.replace('story:', '') or 'nothing new'}; "
                       f"{c['already']} already imported, {c['quarantined']} quarantined")  # fmt: skip
            out.append(f"{c['redirects']} old paths redirect; {c['featured']} featured images recorded")
        out.append("agencies: " + (", ".join(f"{name} {n}" for name, n in self.agencies.most_common()) or "none"))
        out.append(f"{c['posts']} posts in {self.seconds:.1f} s ({rate:.0f} posts/s)")
        return out


@dataclass
class WordPressImport:
    """One import of one export file; see the module docstring."""

    path: Path
    own_agency: Agency | None
    agency: Agency | None = None
    section_map: dict[str, str] | None = None
    markers: tuple[str, ...] = ()
    dry_run: bool = False
    batch_size: int = BATCH_SIZE
    progress: Callable[[int, int], None] | None = None  # (bytes read, file size)
    summary: Summary = field(default_factory=Summary)

    def run(self) -> Summary:
        """Import the export; raises ``ParseError`` for a file that is not a WXR export."""
        started = time.perf_counter()
        self._agencies = {_name_key(n): a for a in Agency.objects.filter(own=False)
                          for n in (a.slug, a.name, *a.aliases.split(",")) if _name_key(n)}  # fmt: skip
        self._sections = {s.slug: s for s in Section.objects.all()}
        self._pipelines: dict[tuple[int, int | None], Pipeline] = {}
        self._attachments: dict[int, str] = {}
        self._categories: dict[str, tuple[str, Section]] = {}  # category slug → (blog path, section)
        self._channel = wxr.Channel()
        identity = source_identity(self.path)
        run = None if self.dry_run else self._run_record(identity)
        skip_to = run.position if run else 0
        self.summary.resumed_at = skip_to
        pending: list[tuple[wxr.WxrPost, bytes]] = []
        size = self.path.stat().st_size
        with self.path.open("rb") as file:
            for item in read_items(file):
                self._take(item, pending, skip=item.position < skip_to)
                if len(pending) >= self.batch_size:
                    self._flush(pending, run, item.position + 1)
                if self.progress:
                    self.progress(_tell(file), size)
            self._flush(pending, run, self.summary.counts["items"])
        if not self.dry_run:
            self._finish(run)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _run_record(self, identity: str) -> ImportRun:
        unfinished = ImportRun.objects.filter(source=identity, finished__isnull=True).order_by("-started").first()
        return unfinished or ImportRun.objects.create(source=identity, path=str(self.path)[:1000])

    def _take(self, item: Item, pending: list[tuple[wxr.WxrPost, bytes]], *, skip: bool) -> None:
        counts = self.summary.counts
        counts["items"] += 1
        try:
            post = wxr.read_item(item.element, item.channel, markers=self.markers)
        except ParseError as exc:
            counts["unreadable"] += 1
            self.summary.problems.append(f"unreadable item {item.position}: {exc}")
            return
        if post.post_type == "attachment":
            counts["attachments"] += 1
            if post.post_id is not None and post.attachment_url:
                self._attachments[post.post_id] = post.attachment_url
            return
        if post.story is None:
            counts["other"] += 1
            return
        if post.post_id is None:  # read by its guid alone: nothing to remember it by
            counts["unreadable"] += 1
            self.summary.problems.append(f"item {item.position}: a post without wp:post_id, left out")
            return
        counts["posts"] += 1
        self._channel = item.channel
        if skip:  # done by an earlier, interrupted run; its category still names an archive page
            self._section_for(post)
        else:
            pending.append((post, wxr.post_payload(item.channel, item.element)))

    def _agency_for(self, post: wxr.WxrPost) -> Agency | None:
        """The post's agency; ``None`` (dry run only) for one that would be created."""
        if not post.syndicated:
            return self.own_agency
        for name in (post.author, post.author_login, *post.credits, *(n for _, n in post.categories)):
            found = self._agencies.get(_name_key(name))
            if found is not None:
                return found
        if self.agency is not None:
            return self.agency
        name = post.story.provider if post.story else ""
        if self.dry_run:
            return None
        from wiredesk.ingest.agencies import AgencyResolver

        agency = AgencyResolver().resolve(name)
        self._agencies[_name_key(name)] = agency
        return agency

    def _section_for(self, post: wxr.WxrPost) -> Section | None:
        for slug, name in post.categories:
            target = self.section_map.get(slug) if self.section_map is not None else slug
            if not target:
                continue
            section = self._sections.get(target)
            if section is None and self.section_map is not None and not self.dry_run:
                section = self._sections[target] = Section.objects.create(slug=target, name=name or target)
            if section is not None:
                self._categories.setdefault(slug, (urlsplit(self._channel.base).path, section))
                return section
        return None

    def _flush(self, pending: list[tuple[wxr.WxrPost, bytes]], run: ImportRun | None, position: int) -> None:
        if not pending:
            if run is not None and position > run.position:
                run.position = position
                run.save(update_fields=["position"])
            return
        site = self._channel.base
        digests = {post.post_id or 0: hashlib.sha256(payload).hexdigest() for post, payload in pending}
        known = dict(ImportedPost.objects.filter(site=site, post_id__in=list(digests)).values_list("post_id", "digest"))
        groups: dict[tuple[int, int | None], list[tuple[wxr.WxrPost, bytes]]] = {}
        for post, payload in pending:
            agency = self._agency_for(post)
            label = agency.name if agency else "the site's own agency" if not post.syndicated else (
                post.story.provider if post.story else "")
            self.summary.agencies[label if agency else f"{label} (new)"] += 1
            if known.get(post.post_id or 0) == digests[post.post_id or 0] and not self.dry_run:
                self.summary.counts["already"] += 1
                continue
            section = self._section_for(post)
            if self.dry_run or agency is None:
                continue
            key = (agency.pk, section.pk if section else None)
            if key not in self._pipelines:
                self._pipelines[key] = Pipeline(agency=agency, section=section)
            groups.setdefault(key, []).append((post, payload))
        records: list[tuple[wxr.WxrPost, int, int, str]] = []
        for key, group in groups.items():
            outcomes = self._pipelines[key].ingest_many([(p.story.agency_id, d) for p, d in group if p.story])
            for (post, _), outcome in zip(group, outcomes, strict=True):
                if outcome.quarantined or not outcome.stories or outcome.stories[0].story_id is None:
                    self.summary.counts["quarantined"] += 1
                    self.summary.problems.append(f"quarantined post {post.post_id}: {outcome.error}")
                    continue
                self.summary.counts[f"story:{outcome.stories[0].action.value}"] += 1
                records.append((post, outcome.stories[0].story_id, key[0], digests[post.post_id or 0]))
        pending.clear()
        if run is not None:
            with transaction.atomic():
                self._write_records(site, records)
                run.position = position
                run.save(update_fields=["position"])

    def _write_records(self, site: str, records: Iterable[tuple[wxr.WxrPost, int, int, str]]) -> None:
        posts, old_paths = [], {}
        blog_path = urlsplit(site).path or "/"
        now = timezone.now()
        for post, story_id, agency_id, digest in records:
            assert post.post_id is not None  # noqa: S101 - a post with a story has an id or a guid
            posts.append({
                "site": site, "post_id": post.post_id, "story_id": story_id, "agency_id": agency_id,
                "digest": digest, "status": post.status[:20], "permalink": post.permalink[:2000],
                "slug": post.slug[:400], "author": post.author[:200], "categories": [list(c) for c in post.categories],
                "tags": [list(t) for t in post.tags], "syndicated": post.syndicated, "thumbnail_id": post.thumbnail_id,
                "featured_image_url": self._attachments.get(post.thumbnail_id or -1, "")[:2000], "imported": now,
            })  # fmt: skip
            normals = [paths.normal_path(blog_path, {"p": str(post.post_id)})]
            urls = (post.permalink, post.guid)
            normals += [paths.url_path(u) for u in urls if u.startswith(("http:", "https:", "/"))]
            for normal in normals:
                if normal == "/":  # a permalink that is the bare site: the home page stays the home page
                    continue
                old_paths[paths.key(normal)] = {"key": paths.key(normal), "path": normal[:2000], "story_id": story_id,
                                                "section_id": None}  # fmt: skip
            if post.slug:
                slug = paths.slug_key(post.slug)
                old_paths[slug] = {"key": slug, "path": f"slug:{post.slug}"[:2000], "story_id": story_id,
                                   "section_id": None}  # fmt: skip
        upsert(ImportedPost, posts, unique=["site", "post_id"],
               update=["story", "agency", "digest", "status", "permalink", "slug", "author", "categories", "tags",
                       "syndicated", "thumbnail_id", "featured_image_url"])  # fmt: skip
        upsert(OldPath, list(old_paths.values()), unique=["key"], update=["path", "story", "section"])
        self.summary.counts["redirects"] += len(old_paths)

    def _finish(self, run: ImportRun | None) -> None:
        """Category archives and featured images, once every item has been read; the run marked done."""
        with transaction.atomic():
            rows = []
            for slug, (blog_path, section) in self._categories.items():
                normal = paths.normal_path(f"{blog_path.rstrip('/')}/category/{slug}")
                rows.append({"key": paths.key(normal), "path": normal, "story_id": None, "section_id": section.pk})
            upsert(OldPath, rows, unique=["key"], update=["path", "story", "section"])
            unresolved = list(ImportedPost.objects.filter(site=self._channel.base, featured_image_url="",
                                                          thumbnail_id__in=list(self._attachments)))  # fmt: skip
            for post in unresolved:
                post.featured_image_url = self._attachments[post.thumbnail_id or -1][:2000]
            ImportedPost.objects.bulk_update(unresolved, ["featured_image_url"])
            imported = ImportedPost.objects.filter(site=self._channel.base)
            self.summary.counts["featured"] = imported.exclude(featured_image_url="").count()
            if run is not None:
                run.finished = timezone.now()
                run.counts = dict(self.summary.counts)
                run.save(update_fields=["finished", "counts"])


def _tell(file: BinaryIO) -> int:
    try:
        return file.tell()
    except OSError:
        return 0
