"""Test data and helpers shared by the annotate tests (imported through conftest's path)."""

from __future__ import annotations

import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED_ID = "latestly-russia-china-2023-06-25"
SEED = REPO / "annotations" / "gold" / f"{SEED_ID}.txt"

FRONT = """---
id: {id}
url: https://example.org/{id}
site: example.org
layout: article
language: en
published: '2024-01-02'
title: {title}
source: added
license: CC0-1.0 (test page)
topic: null
---
"""

#: Small documents made for the tests (marked format bodies).
SMALL_DOCS = {
    "tiny-minister": (
        '<ng-seg k="title"><ng-ent t="PERSON">Ana Silva</ng-ent> visits '
        '<ng-ent t="GPE">Porto</ng-ent></ng-seg>\n\n'
        '<ng-seg k="body">“<ng-q g="1" k="direct">We will build the bridge,</ng-q>” '
        '<ng-sp g="1" name="Ana Silva"><ng-ent t="PERSON">Silva</ng-ent></ng-sp> '
        '<ng-cue g="1">said</ng-cue>. “<ng-q g="1" k="direct">It is overdue.</ng-q>”\n\n'
        'The <ng-ent t="ORG">Transport Agency</ng-ent> <ng-cue g="2">said</ng-cue> '
        '<ng-q g="2" k="indirect" name="Transport Agency">work starts in May</ng-q>.</ng-seg>\n\n'
        '<ng-seg k="footer">© Example News 😀 2024</ng-seg>'),
    "tiny-weather": (
        '<ng-seg k="navigation">Home | Weather</ng-seg>\n\n'
        '<ng-seg k="title">Storm hits <ng-ent t="LOC">the Atlantic coast</ng-ent></ng-seg>\n\n'
        '<ng-seg k="body">Winds  reached 120 km/h in <ng-ent t="GPE">Brest</ng-ent> on Monday, '
        'the <ng-sp g="1" name="Météo-France"><ng-ent t="ORG">Météo-France</ng-ent></ng-sp> '
        'service <ng-cue g="1">reported</ng-cue>, adding that '
        '<ng-q g="1" k="indirect">more rain is expected</ng-q>.</ng-seg>'),
}


def small_doc_source(doc_id: str) -> str:
    title = doc_id.replace("-", " ").title()
    return FRONT.format(id=doc_id, title=title) + SMALL_DOCS[doc_id] + "\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes (to prove nothing was written)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")
