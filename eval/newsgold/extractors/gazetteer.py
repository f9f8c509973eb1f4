"""A capitalisation and gazetteer baseline for named entities (English rules, no model).

Runs of capitalised tokens (joined by "of", "de", "van"...; broken by punctuation, possessives,
line ends, days and months) are names; at a sentence start a capitalised function word ("The",
"In"...) is dropped first. A run is labelled by the first rule that applies:

1. the whole run is in the built-in gazetteer (``gazetteer_data``): country or city -> GPE,
   nationality or group -> NORP, region -> LOC;
2. its head word is an organisation, facility, location, event or law suffix ("Wagner Group",
   "Bank of England", "Heathrow Airport", "Red River", "World Cup", "Climate Act");
3. it contains a title ("Deputy Foreign Minister Andrei Rudenko"): the words after the title are
   a PERSON, the words before it are labelled on their own ("Russian" -> NORP);
4. a lower-case role noun precedes it ("council leader Amira Okafor") -> PERSON;
5. it starts with a nationality or country: that word is labelled, the rest on its own;
6. two to four plain capitalised words -> PERSON; five or more -> ORG;
7. a single word: gazetteer entry; the surname of a PERSON found elsewhere on the page ->
   PERSON; an acronym of 2-5 capitals -> ORG; otherwise nothing.

Lines written in headline case keep only gazetteer matches. The rules are English; pages in other
languages are processed anyway (German capitalises every noun, so precision there is poor) and
the harness reports scores per language. ``RULES_VERSION`` names the rule set.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import ClassVar

from ..schema import Entity
from . import gazetteer_data as g
from .base import Extractor, Page, Prediction

RULES_VERSION = "gazetteer.v1"
_TOKEN = re.compile(r"[^\W_](?:[\w&.\-]*[^\W_])?")
_CONNECTORS = frozenset({"of", "de", "del", "della", "di", "da", "van", "von", "der", "den", "al",
                         "bin", "ibn", "la", "le", "du", "y"})
_SENTENCE_BREAK = re.compile(r"[.!?:;\n]")
_NOT_ACRONYMS = frozenset({"AM", "PM", "OK", "TV", "ID", "CEO"})


def _key(word: str) -> str:
    return word.replace(".", "")


def _keyed(words: frozenset[str]) -> frozenset[str]:
    return frozenset(_key(w) for w in words)


_GPE = _keyed(g.COUNTRIES | g.CITIES)
_NORP = _keyed(g.NATIONALITIES)
_LOC = _keyed(g.REGIONS)
_TITLES = _keyed(g.TITLES)
_TITLE_CHAIN = _TITLES | _keyed(g.TITLE_MODIFIERS)
_SUFFIX_LABELS: tuple[tuple[frozenset[str], str], ...] = (
    (_keyed(g.ORG_SUFFIXES), "ORG"), (_keyed(g.FAC_SUFFIXES), "FAC"),
    (_keyed(g.LOC_SUFFIXES), "LOC"), (_keyed(g.EVENT_SUFFIXES), "EVENT"),
    (_keyed(g.LAW_SUFFIXES), "LAW"),
)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return _key(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() and self.text not in g.CALENDAR


@dataclass
class _Run:
    tokens: list[_Token]
    sentence_start: bool
    word_before: str
    headline: bool


def _gazetteer_label(words: list[_Token]) -> str | None:
    name = " ".join(t.key for t in words)
    for names, label in ((_GPE, "GPE"), (_NORP, "NORP"), (_LOC, "LOC")):
        if name in names:
            return label
    return None


def _is_headline(line: str) -> bool:
    long_words = [w for w in _TOKEN.findall(line) if len(w) >= 4]
    capitalised = sum(w[0].isupper() for w in long_words)
    return capitalised >= 4 and capitalised >= 0.8 * len(long_words)


def _runs(text: str) -> list[_Run]:
    """Maximal runs of capitalised tokens with their context."""
    runs: list[_Run] = []
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    line_spans = [m.span() for m in re.finditer(r"[^\n]+", text)]
    line_starts = [start for start, _ in line_spans]
    headline = [_is_headline(text[a:b]) for a, b in line_spans]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not tok.capitalised:
            i += 1
            continue
        prev_end = tokens[i - 1].end if i else 0
        gap = text[prev_end:tok.start]
        sentence_start = i == 0 or bool(_SENTENCE_BREAK.search(gap))
        word_before = tokens[i - 1].text if i and "\n" not in gap and not gap.strip() else ""
        run = [tok]
        j = i + 1
        while j < len(tokens):
            joined_gap = text[tokens[j - 1].end:tokens[j].start]
            if joined_gap not in (" ", "\u00a0", "-"):
                break
            nxt = tokens[j]
            if nxt.capitalised:
                run.append(nxt)
                j += 1
            elif (nxt.text in _CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].capitalised
                  and text[nxt.end:tokens[j + 1].start] in (" ", "\u00a0")):
                run.extend((nxt, tokens[j + 1]))
                j += 2
            else:
                break
        line = bisect.bisect_right(line_starts, tok.start) - 1
        runs.append(_Run(run, sentence_start, word_before, line >= 0 and headline[line]))
        i = j
    return runs


def _entity(words: list[_Token], label: str) -> Entity:
    return Entity(words[0].start, words[-1].end, label)


def _label_multi(words: list[_Token], word_before: str) -> list[Entity]:
    """Rules 1-6 for a run of two or more words (rule 7 is resolved later)."""
    label = _gazetteer_label(words)
    if label:
        return [_entity(words, label)]
    heads = [k for k in range(len(words) - 1) if words[k + 1].text == "of"]
    for k in heads + [len(words) - 1]:
        for suffixes, suffix_label in _SUFFIX_LABELS:
            if words[k].key in suffixes:
                return [_entity(words, suffix_label)]
    titles = [k for k, word in enumerate(words) if word.key in _TITLES]
    if titles:
        last = titles[-1]
        first = last
        while first > 0 and words[first - 1].key in _TITLE_CHAIN:
            first -= 1
        found = _label_words(words[:first], word_before)
        if last + 1 < len(words):
            found.append(_entity(words[last + 1:], "PERSON"))
        return found
    if word_before in g.ROLE_NOUNS:
        return [_entity(words, "PERSON")]
    first_label = _gazetteer_label(words[:1])
    if first_label:
        return [_entity(words[:1], first_label)] + _label_words(words[1:], "")
    if len(words) <= 4 and all(t.text.isalpha() and not t.text.isupper() for t in words):
        return [_entity(words, "PERSON")]
    return [_entity(words, "ORG")]


def _label_words(words: list[_Token], word_before: str) -> list[Entity]:
    """Label a (sub)run; single words get only gazetteer labels here."""
    if not words:
        return []
    if len(words) == 1:
        label = _gazetteer_label(words)
        return [_entity(words, label)] if label else []
    return _label_multi(words, word_before)


class GazetteerEntities(Extractor):
    name = "gazetteer"
    tasks: ClassVar[frozenset[str]] = frozenset({"entities"})
    input: ClassVar[str] = "text"

    def version(self) -> str:
        return RULES_VERSION

    def extract(self, page: Page) -> Prediction:
        return Prediction(doc_id=page.id, entities=tuple(sorted(find_entities(page.text))))


def find_entities(text: str) -> list[Entity]:
    """The baseline's entities over a text."""
    found: list[Entity] = []
    singles: list[_Run] = []
    for run in _runs(text):
        words = run.tokens
        if run.sentence_start and words[0].text in g.SENTENCE_STARTERS:
            words = words[1:]
        if run.headline:
            found.extend(_gazetteer_only(words))
        elif len(words) == 1:
            singles.append(_Run(words, run.sentence_start, run.word_before, False))
        elif words:
            found.extend(_label_multi(words, run.word_before))
    surnames = {text[e.start:e.end].split()[-1] for e in found if e.label == "PERSON"}
    for run in singles:
        label = _label_single(run, surnames)
        if label:
            found.append(_entity(run.tokens, label))
    return found


def _gazetteer_only(words: list[_Token]) -> list[Entity]:
    """Gazetteer matches of a run in a headline: the whole run, else its single words."""
    label = _gazetteer_label(words) if words else None
    if label:
        return [_entity(words, label)]
    singles = ((word, _gazetteer_label([word])) for word in words)
    return [_entity([word], label) for word, label in singles if label]


def _label_single(run: _Run, surnames: set[str]) -> str | None:
    """Rule 7: gazetteer, known surname, acronym, or a name after a lower-case role noun."""
    word = run.tokens[0]
    label = _gazetteer_label(run.tokens)
    if label or word.key in _TITLE_CHAIN:
        return label
    if word.text in surnames:
        return "PERSON"
    if word.text.isupper() and word.text.isalpha() and 2 <= len(word.text) <= 5 \
            and word.text not in _NOT_ACRONYMS:
        return "ORG"
    if run.word_before in g.ROLE_NOUNS and not run.sentence_start:
        return "PERSON"
    return None
