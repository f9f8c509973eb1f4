"""Bring pages in: saved HTML files and WARC archives become un-annotated gold documents.

Every page gets ``annotations/html/<id>.html`` (the page, as UTF-8) and
``annotations/gold/<id>.txt``: metadata front matter, ``annotated: []`` and the page's text view
(``newsgold.render``, the same rendering as the rest of the corpus) with no layers. Metadata comes
from the page itself (canonical URL, ``<html lang>``, ``<title>`` / ``og:title``,
``article:published_time``), with command-line defaults for what a page does not say. Existing
documents are never overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from .atomic import write_text
from .markup import MarkupError, parse, serialize
from .render import parse_html, render_tree
from .schema import Document
from .sources import gold_dir, html_path
from .validate import check_document

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


class PageError(ValueError):
    """A page that cannot be brought in; the message names the file (and record)."""


class PageSkipped(PageError):
    """A page left out on purpose (not a successful response, already in the corpus)."""


@dataclass(frozen=True)
class RawPage:
    """A page's bytes and what its container says about it."""

    where: str
    body: bytes
    url: str | None = None
    charset: str | None = None
    stem: str | None = None


@dataclass(frozen=True)
class PageDefaults:
    """Metadata for what a page does not say itself."""

    language: str | None = None
    license: str = "unknown: not cleared for redistribution"
    layout: str = "unknown"
    topic: str | None = None
    source: str = "added"


def decode(raw: RawPage) -> str:
    """The page as text: declared charset (HTTP, then ``<meta>``), else UTF-8, else cp1252."""
    declared = [raw.charset] if raw.charset else []
    m = _CHARSET.search(raw.body[:4096])
    if m:
        declared.append(m.group(1).decode("ascii"))
    for charset in declared + ["utf-8", "cp1252"]:
        try:
            text = raw.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
        return _XML_DECL.sub("", text.removeprefix("\ufeff"), count=1)
    raise PageError(f"{raw.where}: cannot decode the page (declared {declared or 'nothing'}, "
                    f"not UTF-8, not cp1252)")


def slug(text: str, limit: int = 60) -> str:
    """A lowercase id slug."""
    return _SLUG_JUNK.sub("-", text.lower()).strip("-")[:limit].strip("-")


def _meta(root, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for el in root.iterfind(f".//meta[@{attr}='{name}']"):
                value = (el.get("content") or "").strip()
                if value:
                    return value
    return None


def _language(root, default: str | None, where: str) -> str:
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
            or _meta(root, "og:locale", "language") or default or "").strip().replace("_", "-")
    if not lang:
        raise PageError(f"{where}: the page declares no language; pass --language")
    primary, _, rest = lang.partition("-")
    return primary.lower() + (f"-{rest.upper()}" if len(rest) == 2 else f"-{rest}" if rest else "")


def document_from_page(raw: RawPage, defaults: PageDefaults) -> Document:
    """An un-annotated document for one page (id not yet made unique)."""
    html = decode(raw)
    try:
        root = parse_html(html)
    except (ValueError, SyntaxError) as exc:
        raise PageError(f"{raw.where}: cannot parse the HTML: {exc}") from exc
    text = render_tree(root).text
    if not text.strip():
        raise PageError(f"{raw.where}: the page renders to no text")
    canonical = next((el.get("href") for el in root.iterfind(".//link[@rel='canonical']")
                      if el.get("href", "").startswith("http")), None)
    url = canonical or _meta(root, "og:url") or raw.url
    if not url:
        raise PageError(f"{raw.where}: the page has no canonical URL or og:url and its container "
                        f"names none")
    site = (urlsplit(url).hostname or "").removeprefix("www.")
    title_el = root.find(".//title")
    title = _meta(root, "og:title") or (title_el.text_content().strip() if title_el is not None
                                        else "") or url
    published = _meta(root, "article:published_time", "datePublished", "date")
    published = published[:10] if published and re.match(r"\d{4}-\d\d-\d\d", published) else None
    path_part = slug(Path(urlsplit(url).path).stem) if urlsplit(url).path.strip("/") else ""
    base = slug(f"{site.split('.')[-2] if '.' in site else site}-{path_part or raw.stem or 'page'}")
    return Document(
        id=base, url=url, site=site, layout=defaults.layout,
        language=_language(root, defaults.language, raw.where), published=published,
        title=" ".join(title.split()), source=defaults.source, license=defaults.license,
        topic=defaults.topic, text=text, html=html, annotated=frozenset())


def read_html_file(path: Path) -> RawPage:
    return RawPage(str(path), path.read_bytes(), stem=path.name.split(".")[0])


def read_warc(path: Path) -> Iterator[RawPage | PageError]:
    """Every HTML response record (2xx) of a WARC file; other records are skipped silently."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        for record in ArchiveIterator(fh, arc2warc=True):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path} record {uri}"
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                yield PageSkipped(f"{where}: HTTP status {status}, skipped")
                continue
            charset = re.search(r"charset=([A-Za-z0-9._:-]+)", ctype, re.I)
            yield RawPage(where, record.content_stream().read(), uri,
                          charset.group(1) if charset else None)


def collect(paths: Iterable[Path]) -> Iterator[RawPage | PageError]:
    """The pages in files and folders (searched recursively), in path order."""
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            name = file.name.lower()
            if name.endswith(WARC_SUFFIXES):
                yield from read_warc(file)
            elif name.endswith(HTML_SUFFIXES):
                yield read_html_file(file)
            elif not path.is_dir():
                yield PageError(f"{file}: not an HTML ({', '.join(HTML_SUFFIXES)}) or WARC "
                                f"({', '.join(WARC_SUFFIXES)}) file")


@dataclass(frozen=True)
class Added:
    """One page written into the annotations."""

    doc_id: str
    where: str
    gold: Path


def _unique_id(doc: Document, annotations: Path, taken: set[str]) -> str | None:
    """The id to use, or None when the same page (same URL and text) is already there."""
    candidate, n = doc.id, 1
    while True:
        path = gold_dir(annotations) / f"{candidate}.txt"
        if candidate not in taken and not path.exists():
            return candidate
        if path.exists():
            existing = parse(path.read_text(encoding="utf-8"), str(path))
            if existing.url == doc.url and existing.text == doc.text:
                return None
        n += 1
        candidate = f"{doc.id[:56]}-{n}"


@dataclass
class AddResult:
    added: list[Added]
    #: Pages left out on purpose (non-2xx WARC records, pages already in the corpus).
    skipped: list[str]
    #: Pages that could not be brought in, with the reason.
    failed: list[str]


def add_pages(paths: Iterable[Path], annotations: Path,
              defaults: PageDefaults = PageDefaults()) -> AddResult:
    """Write every page found as an un-annotated document."""
    result = AddResult([], [], [])
    taken: set[str] = set()
    for item in collect(paths):
        if isinstance(item, PageError):
            (result.skipped if isinstance(item, PageSkipped) else result.failed).append(str(item))
            continue
        try:
            doc = document_from_page(item, defaults)
            doc_id = _unique_id(doc, annotations, taken)
            if doc_id is None:
                result.skipped.append(f"{item.where}: already in the corpus with the same URL "
                                      f"and text")
                continue
            doc = replace(doc, id=doc_id)
            gold = serialize(doc, item.where)
        except (PageError, MarkupError) as exc:
            result.failed.append(str(exc))
            continue
        violations = check_document(doc, item.where, doc.id)
        if violations:
            result.failed.extend(str(v) for v in violations)
            continue
        taken.add(doc_id)
        write_text(html_path(annotations, doc_id), doc.html)
        write_text(gold_dir(annotations) / f"{doc_id}.txt", gold)
        result.added.append(Added(doc_id, item.where, gold_dir(annotations) / f"{doc_id}.txt"))
    return result
