"""A typography-aware direct-quote baseline: quotation marks paired per language, speakers from
reporting patterns.

**Marks** (``MARK_PAIRS``): English “…” and "…"; German „…“ (closed by U+201C, the English
opening mark; „…” is accepted too), »…« and «…»; French «…» and “…”; other languages use the
union. Straight ``"`` alternates within a paragraph. Single marks (‘…’, '…') are ignored: ``’``
is also the apostrophe. Pairing is per paragraph (block of the page text); a paragraph that opens
a quote and does not close it continues into the next paragraph if that one starts with an opening
mark (multi-paragraph quotes); an unclosed mark with no continuation is dropped.

**Content** is the text between the marks without the marks and the (no-break) spaces inside
French guillemets. A speaker tag inside guillemets (« C'est…, affirme le ministre. Ces… ») splits
the content into two parts of one group. ``“X,” he said, “Y.”`` is one group with two parts; each
further paragraph of a multi-paragraph quote is another part of its group.

**Speaker and cue**, first match wins: the tag between two parts; the text after the closing mark
("X said", "said X", "sagte X", "a déclaré X"); the text before the opening mark in the same
sentence ("X said:", "X sagte:"); "according to X" / "laut X" / "selon X" in the same sentence. A
quote with none of these continues the previous quotation's speaker if it follows it directly
(in the same paragraph, or opening the next one); otherwise ``speaker_name`` is the nearest
preceding capitalised name (with no speaker mention). Pronoun speakers keep the pronoun as
mention and take the previous speaker's name, or the nearest preceding name.

Every quote is ``direct``; contents under ``MIN_WORDS`` words or entirely in title case (titles,
nicknames, scare quotes) are skipped. ``RULES_VERSION`` names this rule set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from ..schema import Quote, Span
from .base import Extractor, Page, Prediction
from .gazetteer_data import CALENDAR, TITLE_MODIFIERS, TITLES
from .text_units import blocks, trim

RULES_VERSION = "quotes-typography.v1"
MIN_WORDS = 3

#: Opening mark -> closing marks, per language.
MARK_PAIRS: dict[str, dict[str, str]] = {
    "en": {"“": "”", '"': '"'},
    "de": {"„": "“”", "»": "«", "«": "»", '"': '"'},
    "fr": {"«": "»", "“": "”", '"': '"'},
}
_UNION_PAIRS: dict[str, str] = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"'}

#: Reporting verbs, per language (multi-word French cues first).
CUES: dict[str, tuple[str, ...]] = {
    "en": ("said", "says", "say", "added", "adds", "told", "tells", "asked", "asks", "explained",
           "explains", "stated", "declared", "noted", "notes", "wrote", "writes", "insisted",
           "insists", "warned", "warns", "argued", "argues", "claimed", "claims", "continued",
           "replied", "recalled", "admitted", "stressed", "acknowledged", "announced",
           "concluded", "urged", "tweeted", "posted"),
    "de": ("sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "meinte",
           "meint", "schrieb", "schreibt", "warnte", "warnt", "kritisierte", "fügte", "ergänzte",
           "so"),
    "fr": ("a déclaré", "a dit", "a affirmé", "a expliqué", "a ajouté", "a estimé", "a indiqué",
           "a précisé", "a souligné", "a assuré", "a soutenu", "a lancé", "a confié", "a raconté",
           "a poursuivi", "a insisté", "a martelé", "a prévenu", "a reconnu", "déclare", "dit",
           "affirme", "explique", "ajoute", "estime", "indique", "précise", "souligne", "assure",
           "soutient", "lance", "confie", "raconte", "poursuit", "insiste", "martèle", "prévient",
           "reconnaît", "résume", "commente", "tranche", "ironise", "regrette"),
}
ACCORDING_TO = {"en": r"according to", "de": r"laut", "fr": r"selon"}
PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"he", "she", "they", "it", "we", "i"}),
    "de": frozenset({"er", "sie", "es", "wir", "ich"}),
    "fr": frozenset({"il", "elle", "ils", "elles", "nous", "je"}),
}
_WORD = re.compile(r"[^\W_][\w’'\-.]*[^\W_.]|[^\W_]")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
#: Capitalised words that are not names (sentence starters, days and months).
_NOT_NAMES = CALENDAR | frozenset({
    "The", "A", "An", "In", "On", "At", "But", "And", "As", "It", "He", "She", "They", "We", "I",
    "This", "That", "Der", "Die", "Das", "Le", "La", "Les", "Il", "Elle", "Er", "Sie", "Es",
})
_TITLE_WORDS = TITLES | TITLE_MODIFIERS
_CONNECTORS = frozenset({"of", "de", "du", "von", "van", "der", "al", "bin"})
#: Words that end a speaker phrase after the cue ("said the minister on Tuesday").
_STOP_SKIPPING = frozenset({"on", "in", "at", "to", "for", "with", "after", "before", "during",
                            "late", "early", "last", "this", "am", "im", "nach", "lors", "après",
                            "avant", "dans", "en", "that", "dass", "que", "qu", "while"})


def _language(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def _cues(lang: str) -> tuple[str, ...]:
    if lang in CUES:
        return CUES[lang]
    return tuple(dict.fromkeys(c for cues in CUES.values() for c in cues))


def _according(lang: str) -> str:
    return ACCORDING_TO.get(lang, "|".join(ACCORDING_TO.values()))


def _pronouns(lang: str) -> frozenset[str]:
    return PRONOUNS.get(lang, frozenset().union(*PRONOUNS.values()))


@dataclass
class _Part:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None when the paragraph ends first
    block: int
    content: Span = Span(0, 0)


@dataclass
class _Attribution:
    speaker: Span | None
    name: str | None
    cue: Span | None


@dataclass
class _Group:
    parts: list[_Part]
    attribution: _Attribution | None = None
    #: The tag text between two parts of an interrupted quote.
    tags: list[tuple[int, int]] = field(default_factory=list)


def _pair_marks(text: str, start: int, end: int, pairs: dict[str, str], block: int) -> list[_Part]:
    """Quotation parts of one paragraph, in order."""
    parts: list[_Part] = []
    opened: tuple[int, str] | None = None
    for i in range(start, end):
        ch = text[i]
        if opened is not None:
            if ch in pairs[opened[1]]:
                parts.append(_Part(opened[0], i, block))
                opened = None
            continue
        if ch in pairs:
            if ch == '"' and (i + 1 >= end or text[i + 1].isspace() or text[i - 1:i].isdigit()):
                continue  # a straight mark that cannot open (inches, stray closers)
            opened = (i, ch)
    if opened is not None:
        parts.append(_Part(opened[0], None, block))
    return parts


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _find_cue(text: str, start: int, end: int, cues: tuple[str, ...],
              last: bool) -> tuple[int, int] | None:
    """The first (or last) reporting-verb span in ``text[start:end]``."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(c) for c in cues) + r")\b")
    found = list(pattern.finditer(text, start, end))
    if not found:
        return None
    m = found[-1] if last else found[0]
    return m.start(), m.end()


def _name_run(words: list[tuple[int, int, str]], from_end: bool) -> Span | None:
    """The capitalised run (connectors such as "of" allowed inside) adjacent to the end of
    ``words``, or the first one after at most a few lower-case words ("council leader X")."""
    run: list[tuple[int, int, str]] = []
    skipped = 0
    for w in (reversed(words) if from_end else words):
        if _capitalised(w[2]) and w[2] not in _NOT_NAMES or run and w[2] in _CONNECTORS:
            run.append(w)
        elif run or from_end or w[2] in _STOP_SKIPPING or skipped == 3:
            break
        else:
            skipped += 1
    while run and run[-1][2] in _CONNECTORS:
        run.pop()
    if not run:
        return None
    run.sort()
    while len(run) > 1 and run[0][2].rstrip(".") in _TITLE_WORDS:  # "Mayor John Smith"
        run.pop(0)
    return Span(run[0][0], run[-1][1])


def _speaker_before(text: str, start: int, cue_start: int,
                    pronouns: frozenset[str]) -> Span | None:
    """The speaker right before a cue: a pronoun, a name, or a short noun phrase."""
    words = _words(text, start, cue_start)[-5:]
    if not words:
        return None
    if words[-1][2].lower() in pronouns:
        return Span(words[-1][0], words[-1][1])
    if _capitalised(words[-1][2]) and words[-1][2] not in _NOT_NAMES:
        return _name_run(words, from_end=True)
    for k in range(len(words) - 1, -1, -1):  # "the Russian statement said"
        if words[k][2].lower() in ("the", "a", "an", "der", "die", "das", "le", "la", "les"):
            return Span(words[k][0], words[-1][1])
    return None


def _speaker_after(text: str, cue_end: int, end: int, pronouns: frozenset[str]) -> Span | None:
    """The speaker right after a cue: a pronoun, a name, or the noun phrase up to a preposition."""
    words = _words(text, cue_end, end)[:8]
    if not words:
        return None
    if words[0][2].lower() in pronouns:
        return Span(words[0][0], words[0][1])
    name = _name_run(words, from_end=False)
    if name is not None:
        return name
    phrase = []
    for w in words:
        if w[2] in _STOP_SKIPPING:
            break
        phrase.append(w)
    return Span(phrase[0][0], phrase[-1][1]) if phrase else None


def _sentence_start(text: str, floor: int, pos: int) -> int:
    last = floor
    for m in _SENTENCE_END.finditer(text, floor, pos):
        last = m.end()
    return last


def _sentence_end(text: str, pos: int, ceiling: int) -> int:
    m = _SENTENCE_END.search(text, pos, ceiling)
    return m.start() + 1 if m else ceiling


class _Attributor:
    """Speaker and cue search for the quotation groups of one page."""

    def __init__(self, text: str, lang: str, quoted: list[Span]) -> None:
        self.text, self.cues, self.pronouns = text, _cues(lang), _pronouns(lang)
        self.according = re.compile(r"\b(" + _according(lang) + r")\s+", re.IGNORECASE)
        self.quoted = quoted

    def _make(self, speaker: Span | None, cue: tuple[int, int] | None) -> _Attribution | None:
        if speaker is None:
            return None
        return _Attribution(speaker, self.text[speaker.start:speaker.end],
                            Span(*cue) if cue else None)

    def in_tag(self, start: int, end: int) -> _Attribution | None:
        """``he said`` / ``said X`` / ``affirme le ministre`` in a short stretch of text."""
        cue = _find_cue(self.text, start, end, self.cues, last=False)
        if cue is None:
            return None
        speaker = _speaker_before(self.text, start, cue[0], self.pronouns) or \
            _speaker_after(self.text, cue[1], end, self.pronouns)
        return self._make(speaker, cue)

    def after(self, close: int, ceiling: int) -> _Attribution | None:
        """A tag right after the closing mark, up to the end of the sentence."""
        end = _sentence_end(self.text, close + 1, ceiling)
        next_open = min((q.start for q in self.quoted if close < q.start < end), default=end)
        window = self.text[close + 1:next_open]
        lead = len(window) - len(window.lstrip(" \u00a0\u202f,;—–-"))
        start = close + 1 + lead
        cue = _find_cue(self.text, start, next_open, self.cues, last=False)
        if cue is None or len(_words(self.text, start, cue[0])) > 5:
            return None
        return self.in_tag(start, next_open)

    def before(self, open_: int, floor: int) -> _Attribution | None:
        """``X said:`` (or ``X sagte:``) in the same sentence, just before the opening mark."""
        start = _sentence_start(self.text, floor, open_)
        cue = _find_cue(self.text, start, open_, self.cues, last=True)
        if cue is None or len(_words(self.text, cue[1], open_)) > 4:
            return None
        speaker = _speaker_before(self.text, start, cue[0], self.pronouns)
        if speaker is None:  # "a déclaré le ministre :"
            speaker = _speaker_after(self.text, cue[1], open_, self.pronouns)
        return self._make(speaker, cue)

    def according_to(self, open_: int, close: int, floor: int, ceiling: int) -> _Attribution | None:
        start = _sentence_start(self.text, floor, open_)
        end = _sentence_end(self.text, close + 1, ceiling)
        for m in self.according.finditer(self.text, start, end):
            if open_ <= m.start() <= close:
                continue
            stop = re.search(r"[,.;:!?“”«»„\"]", self.text[m.end():end])
            stop_at = m.end() + stop.start() if stop else end
            speaker = _name_run(_words(self.text, m.end(), stop_at), from_end=False) or \
                (Span(*trim(self.text, m.end(), stop_at)) if stop_at > m.end() else None)
            return self._make(speaker, m.span(1))
        return None

    def nearest_name(self, pos: int) -> str | None:
        """The nearest capitalised name before ``pos`` outside quotations (multi-word first)."""
        single = None
        for m in reversed(list(re.finditer(r"[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]+)*",
                                           self.text[:pos]))):
            if any(q.start <= m.start() < q.end for q in self.quoted):
                continue
            words = m.group().split()
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            if len(words) >= 2:
                return " ".join(words)
            if words and single is None and not self.text[:m.start()].rstrip().endswith(
                    (".", "!", "?", "\n")):
                single = words[0]
        return single


def _split_inner_tag(text: str, part: _Part,
                     cues: tuple[str, ...]) -> tuple[_Part, _Part, tuple[int, int]] | None:
    """« C'est X, affirme le ministre. Ces Y » -> two parts and the tag span."""
    pattern = re.compile(r",\s+(" + "|".join(re.escape(c) for c in cues)
                         + r")\s+[^,.;!?«»“”]{1,60}?[.,;]\s+")
    m = pattern.search(text, part.content.start, part.content.end)
    if m is None:
        return None
    first = Span(*trim(text, part.content.start, m.start() + 1))
    second = Span(*trim(text, m.end(), part.content.end))
    if len(first) == 0 or len(second) == 0:
        return None
    return (_Part(part.open, None, part.block, first),
            _Part(part.open, part.close, part.block, second), (m.start() + 1, m.end()))


def _is_interruption(text: str, start: int, end: int, cues: tuple[str, ...]) -> bool:
    """Whether the text between two quoted parts is one speaker tag: ``, he said, ``."""
    gap = text[start:end]
    return (re.search(r"[,:]\s*$", gap) is not None and _SENTENCE_END.search(gap) is None
            and _find_cue(text, start, end, cues, last=False) is not None)


def _quotation_groups(text: str, spans: list[tuple[int, int]], lang: str) -> list[_Group]:
    """Paired marks grouped into quotations (multi-paragraph, interrupted, inner tags)."""
    pairs, cues = MARK_PAIRS.get(lang, _UNION_PAIRS), _cues(lang)
    raw: list[_Part] = []
    for b, (start, end) in enumerate(spans):
        raw.extend(_pair_marks(text, start, end, pairs, b))
    for part in raw:
        end = part.close if part.close is not None else spans[part.block][1]
        part.content = Span(*trim(text, part.open + 1, end))

    groups: list[_Group] = []
    for part in raw:
        prev = groups[-1].parts[-1] if groups else None
        continues = (prev is not None and prev.close is None and part.block == prev.block + 1
                     and part.open == spans[part.block][0])
        interrupts = (prev is not None and prev.close is not None and part.block == prev.block
                      and _is_interruption(text, prev.close + 1, part.open, cues))
        if continues or interrupts:
            groups[-1].parts.append(part)
            if interrupts:
                groups[-1].tags.append((prev.close + 1, part.open))
        else:
            groups.append(_Group([part]))
    groups = [g for g in groups if not (len(g.parts) == 1 and g.parts[0].close is None)]

    for group in groups:  # speaker tags inside guillemets
        parts: list[_Part] = []
        for part in group.parts:
            split = _split_inner_tag(text, part, cues)
            if split:
                parts.extend(split[:2])
                group.tags.append(split[2])
            else:
                parts.append(part)
        group.parts = parts
    return [g for g in groups if _is_quotation(text, g)]


def _attribute(text: str, spans: list[tuple[int, int]], lang: str, groups: list[_Group]) -> None:
    """Set every group's attribution (see the module doc for the order of the rules)."""
    attributor = _Attributor(text, lang, [p.content for g in groups for p in g.parts])
    previous: _Group | None = None
    for group in groups:
        first, last = group.parts[0], group.parts[-1]
        floor, ceiling = spans[first.block][0], spans[last.block][1]
        found = None
        for tag in group.tags:
            found = found or attributor.in_tag(*tag)
        if found is None and last.close is not None:
            found = attributor.after(last.close, ceiling)
        if found is None:
            found = attributor.before(first.open, floor)
        if found is None:
            found = attributor.according_to(first.open, last.close or ceiling, floor, ceiling)
        follows = (previous is not None and previous.attribution.speaker is not None
                   and (first.block == previous.parts[-1].block
                        or first.block == previous.parts[-1].block + 1
                        and first.open == spans[first.block][0]))
        if found is None and follows:
            found = previous.attribution
        if found is None:
            found = _Attribution(None, attributor.nearest_name(first.open), None)
        elif found.name and found.name.lower() in attributor.pronouns:
            name = previous.attribution.name if follows else attributor.nearest_name(first.open)
            found = _Attribution(found.speaker, name, found.cue)
        group.attribution = found
        previous = group


def find_quotes(text: str, language: str) -> list[Quote]:
    """The baseline's quotes over a page text."""
    lang = _language(language)
    spans = blocks(text)
    groups = _quotation_groups(text, spans, lang)
    _attribute(text, spans, lang, groups)
    quotes: list[Quote] = []
    for number, group in enumerate(groups, start=1):
        a = group.attribution
        named = a.name is not None
        quotes.extend(Quote(p.content.start, p.content.end, "direct", str(number),
                            a.speaker if named else None, a.name, a.cue if named else None)
                      for p in group.parts if len(p.content) > 0)
    return quotes


def _is_quotation(text: str, group: _Group) -> bool:
    """Not a title, nickname or scare quote: enough words, not all in title case."""
    words = [w[2] for p in group.parts for w in _words(text, p.content.start, p.content.end)]
    if len(words) < MIN_WORDS:
        return False
    long_words = [w for w in words if len(w) > 3]
    return not long_words or not all(_capitalised(w) for w in long_words)


class TypographyQuotes(Extractor):
    name = "quotes-typography"
    tasks: ClassVar[frozenset[str]] = frozenset({"quotes"})
    input: ClassVar[str] = "text"

    def version(self) -> str:
        return RULES_VERSION

    def extract(self, page: Page) -> Prediction:
        return Prediction(doc_id=page.id, quotes=tuple(sorted(find_quotes(page.text,
                                                                          page.language))))
