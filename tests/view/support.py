"""Extractors, predictions files and a PNG reader for the viewer tests."""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from newsgold.extractors.base import Extractor, Page, Prediction
from newsgold.extractors.baselines import LineBaseline
from newsgold.extractors.gazetteer import GazetteerEntities
from newsgold.extractors.quote_baseline import TypographyQuotes
from newsgold.extractors.wire import prediction_to_json
from newsgold.schema import Document


class Combo(Extractor):
    """All three tasks from the rule-based built-ins: the line baseline (boilerplate segments
    and main text), the gazetteer (entities) and the typography quote baseline."""

    name = "test-combo"
    tasks = frozenset({"boilerplate", "entities", "quotes"})

    def version(self) -> str:
        return "1"

    def extract(self, page: Page) -> Prediction:
        lines, names, quotes = (cls().extract(page) for cls in
                                (LineBaseline, GazetteerEntities, TypographyQuotes))
        return replace(lines, entities=names.entities, quotes=quotes.quotes)


def long_paragraphs(text: str) -> str:
    """A plain-text main text (no spans): the page's paragraphs of more than 80 characters."""
    return "\n\n".join(p for p in text.split("\n\n") if len(p) > 80)


def write_predictions(path: Path, docs: Iterable[Document]) -> Path:
    """A predictions file: plain-text main text and typography quotes for every document."""
    header = {"newsgold": 1, "name": "test-file", "version": "2",
              "tasks": ["boilerplate", "quotes"]}
    lines = [json.dumps(header)]
    for doc in docs:
        quotes = TypographyQuotes().extract(Page(doc.id, doc.url, doc.language, doc.text, None))
        lines.append(json.dumps(prediction_to_json(
            Prediction(doc.id, main_text=long_paragraphs(doc.text), quotes=quotes.quotes))))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and unfiltered rows of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks, width = 8, [], 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                      else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows
