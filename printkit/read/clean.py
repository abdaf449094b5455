"""Cleaning text from outside (e-mails, spreadsheets, registration forms) before it is typeset.

``clean()`` returns the text to print and every change it made (one ``Change`` per kind and
character, counted), each for a warning line; what cannot be typeset raises ``Refused``
saying what to do. Pure functions: no I/O, no fonts, no knowledge of YAML nodes.

What is done, in order:

1. Refused: private-use characters, unassigned code points (as this Python's Unicode
   database knows them), lone surrogates and noncharacters.
2. NFC. Composing a decomposed "å" (a + U+030A) is silent: it prints the same and no reader
   could tell. Replacing a *singleton* (U+212B ANGSTROM SIGN by U+00C5, U+037E GREEK QUESTION
   MARK by ";", a CJK compatibility ideograph by its unified form) is recorded, since the
   glyph may differ in some fonts and the source then held something unusual.
3. Invisible characters removed, each recorded: control characters (C0 other than tab and
   line breaks, DEL, C1); bidi embeddings, overrides, isolates and marks (they reorder
   printed text); and every other format character (category Cf: ZWSP, word joiner, BOM,
   soft hyphen, tag characters, ...), except those with a role in context:

   - ZWJ, ZWNJ and the Mongolian vowel separator stay when both neighbours (skipping
     combining marks on the left) are letters or marks of a script where joining or
     conjuncts exist (Arabic, Syriac, the Indic scripts, Mongolian, ... see
     ``_JOINING_SCRIPTS``); ZWJ also stays between two emoji (skin-tone modifiers and
     variation selectors skipped). Anywhere else (between Latin, Greek or Cyrillic letters,
     at either end) they only hide something, so they go.
   - Tag characters stay only as a complete emoji tag sequence (a subdivision flag).
   - The prepended concatenation marks (U+0600 ARABIC NUMBER SIGN, ...) print visibly; kept.

   Soft hyphens are removed: printkit breaks lines itself and never at a soft hyphen.
4. Line breaks (LF, CR LF, CR, VT and FF as Word writes them for a manual line or page
   break, NEL, U+2028, U+2029). Single-line fields: each run of ordinary whitespace (space,
   tab, line breaks) becomes one space, recorded when it was more than one space. Other
   spaces (U+00A0 in "M. Dupont", U+202F, thin spaces) are kept as typed. Multi-line fields:
   line breaks become LF (U+2029 a blank line, a paragraph break), silently; tabs stay.
5. Leading and trailing whitespace stripped (silently: it never prints), NFC again (removals
   can leave composable neighbours), and text that is then empty is refused.

``clean`` is idempotent: cleaning its output changes nothing and reports nothing.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Change:
    """One thing cleaning did, for a warning line."""

    what: str  # e.g. "removed the bidi override U+202E"


@dataclass(frozen=True)
class Cleaned:
    """The text to typeset and what cleaning changed, in the order it was done."""

    text: str
    changes: tuple[Change, ...]


class Refused(ValueError):
    """Text that cannot be typeset; ``problem`` says what is wrong and what to do."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


LINE_BREAKS = "\n\r\v\f\x85\u2028\u2029"
ZWNJ, ZWJ, MVS = "\u200c", "\u200d", "\u180e"
_JOINERS = (ZWNJ, ZWJ, MVS)
_TAGS = frozenset(map(chr, (0xE0001, *range(0xE0020, 0xE0080))))  # LANGUAGE TAG, TAG SPACE..
_TAG_SPEC = frozenset(map(chr, range(0xE0020, 0xE007F)))  # what a tag sequence spells
_CANCEL_TAG = "\U000e007f"

_KIND = {
    "\u202a": "bidi embedding",
    "\u202b": "bidi embedding",
    "\u202c": "bidi embedding",  # POP DIRECTIONAL FORMATTING ends an embedding or override
    "\u202d": "bidi override",
    "\u202e": "bidi override",
    "\u2066": "bidi isolate",
    "\u2067": "bidi isolate",
    "\u2068": "bidi isolate",
    "\u2069": "bidi isolate",
    "\u200e": "bidi mark",
    "\u200f": "bidi mark",
    "\u061c": "bidi mark",
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
    "\u00ad": "soft hyphen",
    ZWNJ: "zero-width non-joiner",
    ZWJ: "zero-width joiner",
    MVS: "Mongolian vowel separator",
}

# Format characters that print (they enclose the digits after them): always kept.
_PRINTING_FORMAT = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)

# Blocks of scripts where ZWJ/ZWNJ change how letters join or form conjuncts (Unicode
# §23.2): cursive scripts and the Brahmic scripts with a virama. Sorted, inclusive.
_JOINING_SCRIPTS = (
    (0x0600, 0x08FF),  # Arabic, Syriac, Thaana, NKo, Mandaic, Arabic Extended
    (0x0900, 0x0DFF),  # Devanagari, Bengali, Gurmukhi, ..., Malayalam, Sinhala
    (0x0F00, 0x109F),  # Tibetan, Myanmar
    (0x1780, 0x18AF),  # Khmer, Mongolian
    (0x1A20, 0x1AAF),  # Tai Tham
    (0x1B00, 0x1C4F),  # Balinese, Sundanese, Batak, Lepcha
    (0x1CD0, 0x1CFF),  # Vedic Extensions
    (0xA800, 0xA8FF),  # Syloti Nagri, Phags-pa, Saurashtra, Devanagari Extended
    (0xA980, 0xA9FF),  # Javanese, Myanmar Extended-B
    (0xAA60, 0xAA7F),  # Myanmar Extended-A
    (0xABC0, 0xABFF),  # Meetei Mayek
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFE),  # Arabic Presentation Forms-B
    (0x10AC0, 0x10AFF),  # Manichaean
    (0x10B80, 0x10BAF),  # Psalter Pahlavi
    (0x10D00, 0x10D3F),  # Hanifi Rohingya
    (0x10F30, 0x10FFF),  # Sogdian, Old Uyghur, Chorasmian, Elymaic
    (0x11000, 0x11DFF),  # Brahmi, Kaithi, Sharada, Grantha, Newa, ..., Gunjala Gondi
    (0x1E900, 0x1E95F),  # Adlam
)
_STARTS = [start for start, _ in _JOINING_SCRIPTS]
_SKIN_TONES = range(0x1F3FB, 0x1F400)

_SPACE_RUN = re.compile(f"[ \t{LINE_BREAKS}]+")
_MULTI_BREAKS = str.maketrans({"\r": "\n", "\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n"})


_PLAIN = re.compile(r"[ !-~]+")  # printable ASCII without tabs, breaks or doubled spaces


@lru_cache(maxsize=1 << 12)  # a list's organisations, titles and first names repeat
def clean(text: str, *, single_line: bool) -> Cleaned:
    """The text to typeset and what was changed; raises ``Refused`` for what cannot be."""
    if _nothing_to_clean(text):
        return Cleaned(text, ())  # the common case, 10,000 times in a badge run
    return clean_fully(text, single_line=single_line)


def _nothing_to_clean(text: str) -> bool:
    """Whether every rule below would leave ``text`` as it is: printable ASCII, or text in
    NFC with no control, format, private-use, unassigned or line-separating character, no
    combining mark (the rules count a stack of them), no doubled space and nothing to strip
    ("Søren Ørsted-Hansen", "Αικατερίνη")."""
    if not text or text != text.strip() or "  " in text:
        return False
    if _PLAIN.fullmatch(text):
        return True
    category = unicodedata.category
    return unicodedata.is_normalized("NFC", text) and not any(
        category(char)[0] in "CM" or category(char) in ("Zl", "Zp") for char in set(text)
    )


def clean_fully(text: str, *, single_line: bool) -> Cleaned:
    """``clean`` without its shortcut for text that needs nothing (the tests hold them equal)."""
    _refuse(text)
    changes: Counter[str] = Counter()
    text = _nfc(text, changes)
    _stacked_marks(text)
    text, removed = _remove_invisible(text, changes)
    text = _single_line(text, changes) if single_line else _multi_line(text)
    text = unicodedata.normalize("NFC", text.strip())
    if not text:
        if removed:
            listed = ", ".join(removed[:3]) + (", ..." if len(removed) > 3 else "")
            raise Refused(
                f"holds only invisible characters ({listed}); write the text or remove the key"
            )
        raise Refused("is empty; write the text or remove the key")
    return Cleaned(text, tuple(Change(_counted(what, n)) for what, n in changes.items()))


def _refuse(text: str) -> None:
    """Raise ``Refused`` for the first character no font can be trusted to print."""
    for i, char in enumerate(text):
        category = unicodedata.category(char)
        if category not in ("Co", "Cn", "Cs"):
            continue
        code = ord(char)
        where = _where(text, i)
        if category == "Co":
            raise Refused(
                f"contains the private-use character U+{code:04X} {where}, which means"
                " something only in the font it came from; replace it with a standard"
                " character or remove it"
            )
        if category == "Cs":
            pair = text[i + 1 : i + 2]
            if 0xD800 <= code <= 0xDBFF and pair and 0xDC00 <= ord(pair) <= 0xDFFF:
                full = 0x10000 + ((code - 0xD800) << 10) + (ord(pair) - 0xDC00)
                raise Refused(
                    f"contains U+{code:04X} U+{ord(pair):04X} {where}, a UTF-16 surrogate"
                    f" pair standing for {chr(full)!r} (U+{full:04X}); write the character"
                    f" itself, or \\U{full:08X} in a double-quoted string"
                )
            raise Refused(
                f"contains the lone surrogate U+{code:04X} {where}, half of a broken"
                " character; retype the text around it"
            )
        if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
            raise Refused(
                f"contains the noncharacter U+{code:04X} {where}, which is never text"
                " (usually a sign of a broken export); remove it"
            )
        raise Refused(
            f"contains U+{code:04X} {where}, which is not a character in Unicode"
            f" {unicodedata.unidata_version}; remove it, or check the text was copied"
            " correctly"
        )


#: Combining marks on one character. Written languages stack two or three (Vietnamese ế,
#: Hebrew with cantillation, Tibetan); Unicode's stream-safe format allows 30, which stacked
#: over a name reach far above a badge ("Zalgo" text: sixty marks went past the sheet).
MAX_MARKS = 8


def _stacked_marks(text: str) -> None:
    run = 0
    for i, char in enumerate(text):
        if unicodedata.category(char) in ("Mn", "Me"):
            run += 1
            if run > MAX_MARKS:
                start = i - run
                base = text[start] if start >= 0 else ""
                raise Refused(
                    f"stacks more than {MAX_MARKS} combining marks on {base!r} {_where(text, max(start, 0))},"
                    " which would print far above the line; remove the extra marks"
                )
        else:
            run = 0


def _where(text: str, i: int) -> str:
    return "at the start" if i == 0 else f"after {text[max(0, i - 12) : i]!r}"


def _nfc(text: str, changes: Counter[str]) -> str:
    """NFC; only singleton replacements (a different code point, not a composition) count."""
    for char in dict.fromkeys(text):
        decomposition = unicodedata.decomposition(char)
        if decomposition and not decomposition.startswith("<") and " " not in decomposition:
            standard = chr(int(decomposition, 16))
            changes[
                f"replaced U+{ord(char):04X} {unicodedata.name(char, '')} with its standard"
                f" equivalent U+{ord(standard):04X} {unicodedata.name(standard, '')}"
            ] += text.count(char)
    return unicodedata.normalize("NFC", text)


def _remove_invisible(text: str, changes: Counter[str]) -> tuple[str, list[str]]:
    """Drop control and format characters that have no role where they stand.

    Returns the text and the names of what was removed (for an "only invisible" refusal).
    """
    kept: list[str] = []
    removed: dict[str, None] = {}
    tags: list[str] = []  # reported together: one warning per character could spell a message
    i = 0
    while i < len(text):
        char = text[i]
        if char in _TAGS:
            end = i
            while end < len(text) and text[end] in _TAGS:
                end += 1
            run = text[i:end]
            if _is_tag_sequence(run) and _is_emoji(_base_before(text, i)):
                kept.append(run)
            else:
                tags.extend(run)
            i = end
            continue
        if _keep(text, i):
            kept.append(char)
        else:
            what = f"{_kind(char)} U+{ord(char):04X}"
            changes[f"removed the {what}"] += 1
            removed[what] = None
        i += 1
    if len(tags) == 1:
        changes[f"removed the tag character U+{ord(tags[0]):04X}"] += 1
    elif tags:
        changes[f"removed {len(tags)} invisible tag characters (U+E0001–U+E007F)"] += 1
    if tags:
        removed["tag characters"] = None
    return "".join(kept), list(removed)


def _keep(text: str, i: int) -> bool:
    char = text[i]
    category = unicodedata.category(char)
    if category == "Cc":
        return char == "\t" or char in LINE_BREAKS
    if category != "Cf" or char in _PRINTING_FORMAT:
        return True
    if char in _JOINERS:
        before, after = _base_before(text, i), text[i + 1 : i + 2]
        if _joins(before) and _joins(after):
            return True
        return char == ZWJ and _is_emoji(before) and _is_emoji(after)
    return False


def _is_tag_sequence(run: str) -> bool:
    """Tag spec characters closed by CANCEL TAG, as after the flag in the flag of Scotland."""
    return len(run) >= 2 and run[-1] == _CANCEL_TAG and all(c in _TAG_SPEC for c in run[:-1])


def _base_before(text: str, i: int) -> str:
    """The character a joiner at ``i`` attaches to: skip combining marks and skin tones."""
    while i > 0:
        i -= 1
        char = text[i]
        if not unicodedata.category(char).startswith("M") and ord(char) not in _SKIN_TONES:
            return char
    return ""


def _joins(char: str) -> bool:
    """A letter or mark of a script where joiners have meaning."""
    if not char or unicodedata.category(char)[0] not in "LM":
        return False
    code = ord(char)
    at = bisect.bisect_right(_STARTS, code) - 1
    return at >= 0 and code <= _JOINING_SCRIPTS[at][1]


def _is_emoji(char: str) -> bool:
    return bool(char) and unicodedata.category(char) == "So"


def _kind(char: str) -> str:
    if char in _KIND:
        return _KIND[char]
    return "control character" if unicodedata.category(char) == "Cc" else "invisible character"


def _single_line(text: str, changes: Counter[str]) -> str:
    """One line: each internal run of spaces, tabs and line breaks becomes one space."""

    def one_space(match: re.Match[str]) -> str:
        run = match.group()
        if any(char in LINE_BREAKS for char in run):
            changes["replaced a line break with a space"] += 1
        elif "\t" in run:
            changes["replaced a tab with a space"] += 1
        elif run != " ":
            changes["collapsed repeated spaces into one"] += 1
        return " "

    return _SPACE_RUN.sub(one_space, text.strip())


def _multi_line(text: str) -> str:
    """Paragraphs kept; every line break becomes LF, U+2029 a paragraph break."""
    return text.replace("\r\n", "\n").translate(_MULTI_BREAKS).replace("\u2029", "\n\n")


def _counted(what: str, times: int) -> str:
    return what if times == 1 else f"{what} ({times} times)"
