"""Real pages we may not redistribute: standoff annotations in the repo, text rebuilt locally.

``annotations/aeb/<id>.json`` holds only our annotations of a page of the public
article-extraction-benchmark (scrapinghub/article-extraction-benchmark, commit ``4a3bc97``):
offsets, labels, speaker names and the SHA-256 of the text they refer to — never page text.
``hydrate_aeb`` renders each page of a local copy of that repository with the corpus renderer,
checks the hash, and writes the ``aeb`` config of the corpus (``corpus/aeb/``, not committed).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .aeb import read_gold, read_html
from .atomic import write_text
from .records import text_sha256, to_row
from .render import RENDERER_VERSION, render_text
from .schema import LAYERS, Document, Entity, Quote, Segment, Span

AEB_COMMIT = "4a3bc97"
AEB_REPOSITORY = "https://github.com/scrapinghub/article-extraction-benchmark"
AEB_LICENSE = ("not redistributed: rebuilt locally with `newsgold hydrate aeb` from the public "
               "benchmark (MIT-licensed repository); page rights stay with their publishers")
CONFIG = "aeb"


class HydrationError(ValueError):
    """The public data cannot be read as the benchmark's repository layout."""


@dataclass(frozen=True)
class HydrationReport:
    written: int
    mismatched: tuple[str, ...]  # ids whose rendered text does not match the stored hash
    missing: tuple[str, ...]  # ids with annotations but no page in the local copy
    path: Path | None


def annotation_dir(annotations: Path) -> Path:
    return annotations / CONFIG


def check_layout(aeb_root: Path) -> None:
    """Fail early, with the fix, when PATH is not a copy of the benchmark repository."""
    if not (aeb_root / "ground-truth.json").is_file() or not (aeb_root / "html").is_dir():
        raise HydrationError(f"{aeb_root} is not a copy of {AEB_REPOSITORY}: it needs the "
                             f"folder html/ and the file ground-truth.json (commit {AEB_COMMIT})")


def standoff(doc: Document, aeb_id: str) -> str:
    """The committed annotation file of a page: one span per line, no page text."""
    def span(s: Span | None):
        return None if s is None else [s.start, s.end]
    header = {
        "id": doc.id, "aeb_id": aeb_id, "url": doc.url, "site": doc.site,
        "language": doc.language, "text_sha256": text_sha256(doc.text),
        "renderer": RENDERER_VERSION, "annotated": [l for l in LAYERS if l in doc.annotated],
    }
    lines = ["{"] + [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in header.items()]
    layers = {
        "segments": [[s.start, s.end, s.kind] for s in doc.segments],
        "entities": [[e.start, e.end, e.label] for e in doc.entities],
        "quotes": [[q.start, q.end, q.kind, q.group, span(q.speaker), q.speaker_name, span(q.cue)]
                   for q in doc.quotes],
    }
    for n, (name, rows) in enumerate(layers.items()):
        body = ",\n".join(f"    {json.dumps(r, ensure_ascii=False)}" for r in rows)
        end = "" if n == len(layers) - 1 else ","
        lines.append(f"  {json.dumps(name)}: [\n{body}\n  ]{end}" if rows else f"  {json.dumps(name)}: []{end}")
    return "\n".join(lines) + "\n}\n"


def _title(text: str, segments: tuple[Segment, ...], html: str | None) -> str:
    """The first title segment, else the HTML ``<title>`` (rebuilt locally, never stored)."""
    from .render import parse_html

    titles = [text[s.start:s.end] for s in segments if s.kind == "title"]
    if titles or html is None:
        return titles[0] if titles else ""
    element = parse_html(html).find(".//title")
    return " ".join(element.text_content().split()) if element is not None else ""


def document_from_standoff(meta: dict, text: str, html: str | None) -> Document:
    """Join a stored annotation with the locally rendered text."""
    segments = tuple(Segment(s, e, k) for s, e, k in meta["segments"])
    to_span = lambda v: None if v is None else Span(*v)  # noqa: E731
    return Document(
        id=meta["id"], url=meta["url"], site=meta["site"], layout=CONFIG,
        language=meta["language"], published=None, title=_title(text, segments, html), source="aeb",
        license=AEB_LICENSE, topic=None, text=text, html=html, segments=segments,
        entities=tuple(Entity(s, e, l) for s, e, l in meta["entities"]),
        quotes=tuple(Quote(s, e, k, g, to_span(sp), n, to_span(c))
                     for s, e, k, g, sp, n, c in meta["quotes"]),
        annotated=frozenset(meta["annotated"]),
    )


def hydrated_documents(annotations: Path, aeb_root: Path) -> tuple[list[Document], list[str], list[str]]:
    """Documents rebuilt from the local copy; ids that mismatch their hash; ids missing."""
    docs, mismatched, missing = [], [], []
    for path in sorted(annotation_dir(annotations).glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        page = aeb_root / "html" / f"{meta['aeb_id']}.html.gz"
        if not page.is_file():
            missing.append(meta["id"])
            continue
        doc = hydrated_page(meta, aeb_root)
        if doc is None:
            mismatched.append(meta["id"])
            continue
        docs.append(doc)
    return docs, mismatched, missing


def hydrated_page(meta: dict, aeb_root: Path) -> Document | None:
    """A stored annotation joined with its page rendered from the local copy; None when the
    rendered text does not match the annotated text hash."""
    html = read_html(aeb_root, meta["aeb_id"])
    text = render_text(html)
    if text_sha256(text) != meta["text_sha256"]:
        return None
    return document_from_standoff(meta, text, html)


SECOND_PASS = "second-pass"
AGREEMENT_FILE = "AGREEMENT.md"


def second_pass_versions(annotations: Path, aeb_root: Path) -> dict[str, dict[str, Document]]:
    """``{doc_id: {"gold": doc, "second-pass": doc}}`` for the independently re-annotated
    pages (``annotations/aeb/second-pass/``), both joined with the locally rendered text."""
    docs, mismatched, missing = hydrated_documents(annotations, aeb_root)
    if mismatched or missing:
        raise HydrationError(f"cannot compare passes: pages {', '.join(mismatched + missing)} "
                             f"do not hydrate from {aeb_root}")
    by_id = {d.id: d for d in docs}
    versions = {}
    for path in sorted((annotation_dir(annotations) / SECOND_PASS).glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        first = by_id.get(meta["id"])
        if first is None or text_sha256(first.text) != meta["text_sha256"]:
            raise HydrationError(f"{path}: its text hash differs from the first pass of {meta['id']}")
        versions[meta["id"]] = {"gold": first,
                                SECOND_PASS: document_from_standoff(meta, first.text, first.html)}
    return versions


def hydrate_aeb(annotations: Path, aeb_root: Path, corpus: Path) -> HydrationReport:
    """Write ``corpus/aeb/test-00000-of-00001.parquet`` from the annotations and local pages."""
    from .atomic import write_bytes
    from .build import parquet_bytes

    from .validate import check_document

    check_layout(aeb_root)
    docs, mismatched, missing = hydrated_documents(annotations, aeb_root)
    problems = [str(v) for d in docs
                for v in check_document(d, str(annotation_dir(annotations) / f"{d.id}.json"))]
    if problems:
        raise HydrationError(f"{len(problems)} problem(s) in the aeb annotations; nothing "
                             "written:\n" + "\n".join(problems))
    if not docs:
        return HydrationReport(0, tuple(mismatched), tuple(missing), None)
    data, _ = parquet_bytes([to_row(d) for d in sorted(docs, key=lambda d: d.id)])
    path = corpus / CONFIG / "test-00000-of-00001.parquet"
    write_bytes(path, data)
    forget_cached_build(corpus)
    return HydrationReport(len(docs), tuple(mismatched), tuple(missing), path)


def forget_cached_build(corpus: Path) -> None:
    """Drop the ``datasets`` cache of the aeb config, so the next load reads the pages just
    written: that cache is keyed on the card and the folder's name, not on the data files, and a
    hydration from another page copy (or into another folder named alike) leaves the card as is."""
    import shutil

    import datasets

    if (corpus / "README.md").is_file():
        builder = datasets.load_dataset_builder(str(corpus), CONFIG)
        shutil.rmtree(builder.cache_dir, ignore_errors=True)


def _headline(html: str) -> str:
    """The text of the page's first ``<h1>``, whitespace collapsed (a title proposal)."""
    from .render import parse_html

    h1 = parse_html(html).find(".//h1")
    return " ".join(h1.text_content().split()) if h1 is not None else ""


_SCRIPTS = (("ru", re.compile(r"[\u0400-\u04ff]")), ("ko", re.compile(r"[\uac00-\ud7af]")),
            ("ja", re.compile(r"[\u3040-\u30ff]")), ("zh", re.compile(r"[\u4e00-\u9fff]")))
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "is", "in", "that", "it"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den"},
    "fr": {"le", "la", "les", "et", "est", "des", "une", "pas"},
    "es": {"el", "la", "los", "que", "y", "del", "las", "una"},
    "pt": {"o", "que", "não", "uma", "os", "do", "da", "em"},
    "it": {"il", "che", "di", "non", "una", "della", "per", "gli"},
}


def guess_language(text: str) -> str:
    """A BCP-47 language guess from script and stop words (proposal, reviewed with the page)."""
    for tag, pattern in _SCRIPTS:
        if len(pattern.findall(text)) > 50:
            return tag
    words = re.findall(r"[^\W\d_]+", text.lower())
    counts = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    return max(counts, key=counts.get) if any(counts.values()) else "und"


def write_proposals(annotations: Path, aeb_root: Path, force: bool = False) -> list[Path]:
    """Propose segment annotations for every benchmark page without one (see ``aeb_align``);
    ``force`` replaces existing (possibly reviewed) files."""
    from urllib.parse import urlparse

    from .aeb_align import propose_segments

    check_layout(aeb_root)
    gold = read_gold(aeb_root)
    written = []
    for aeb_id in gold.ids:
        path = annotation_dir(annotations) / f"aeb-{aeb_id[:12]}.json"
        if path.exists() and not force:
            continue
        html = read_html(aeb_root, aeb_id)
        text = render_text(html)
        doc = Document(
            id=f"aeb-{aeb_id[:12]}", url=gold.urls[aeb_id], site=urlparse(gold.urls[aeb_id]).hostname or "",
            layout=CONFIG, language=guess_language(text), published=None, title="",
            source="aeb", license=AEB_LICENSE, topic=None, text=text,
            segments=tuple(propose_segments(text, gold.bodies[aeb_id], _headline(html))),
            annotated=frozenset({"segments"}),
        )
        write_text(path, standoff(doc, aeb_id))
        written.append(path)
    return written
