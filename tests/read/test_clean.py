"""Cleaning text from outside: every rule by example, then the invariants by Hypothesis.

The long run: PRINTKIT_HYPOTHESIS_PROFILE=long pytest tests/read/test_clean.py --hypothesis-seed=N
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from printkit.read.clean import Change, Cleaned, Refused, clean, clean_fully

# -- every rule, by example ----------------------------------------------------------------

SINGLE_LINE = [
    # (what, input, output, changes)
    ("plain name", "Zoë Ørsted", "Zoë Ørsted", ()),
    ("decomposed ring composes silently", "A\u030angström", "Ångström", ()),
    ("decomposed diaeresis", "Zoe\u0308", "Zoë", ()),
    (
        "singleton is replaced and said",
        "\u212bngström",
        "Ångström",
        (
            "replaced U+212B ANGSTROM SIGN with its standard equivalent"
            " U+00C5 LATIN CAPITAL LETTER A WITH RING ABOVE",
        ),
    ),
    (
        "greek question mark is a semicolon",
        "Q\u037e A",
        "Q; A",
        ("replaced U+037E GREEK QUESTION MARK with its standard equivalent U+003B SEMICOLON",),
    ),
    ("bidi override", "Jan\u202eDamsgaard", "JanDamsgaard", ("removed the bidi override U+202E",)),
    (
        "bidi override with its pop",
        "\u202dAbc\u202c",
        "Abc",
        ("removed the bidi override U+202D", "removed the bidi embedding U+202C"),
    ),
    ("bidi embedding", "a\u202bb", "ab", ("removed the bidi embedding U+202B",)),
    (
        "bidi isolates",
        "a\u2067b\u2069",
        "ab",
        ("removed the bidi isolate U+2067", "removed the bidi isolate U+2069"),
    ),
    (
        "bidi marks",
        "a\u200fb\u200ec",
        "abc",
        ("removed the bidi mark U+200F", "removed the bidi mark U+200E"),
    ),
    ("arabic letter mark", "a\u061cb", "ab", ("removed the bidi mark U+061C",)),
    ("zero-width space", "Ana\u200bMaria", "AnaMaria", ("removed the zero-width space U+200B",)),
    ("word joiner", "Ana\u2060Maria", "AnaMaria", ("removed the word joiner U+2060",)),
    ("byte order mark", "\ufeffAna", "Ana", ("removed the byte order mark U+FEFF",)),
    ("soft hyphen", "Kilde\u00adsgaard", "Kildesgaard", ("removed the soft hyphen U+00AD",)),
    ("invisible operator", "f\u2061x", "fx", ("removed the invisible character U+2061",)),
    (
        "counted",
        "a\u200bb\u200bc\u200bd",
        "abcd",
        ("removed the zero-width space U+200B (3 times)",),
    ),
    ("NUL", "Ana\x00Maria", "AnaMaria", ("removed the control character U+0000",)),
    ("escape", "\x1b[31mRed", "[31mRed", ("removed the control character U+001B",)),
    ("DEL", "Ana\x7f", "Ana", ("removed the control character U+007F",)),
    ("C1", "Ana\x9bMaria", "AnaMaria", ("removed the control character U+009B",)),
    # joiners: kept where they mean something, gone elsewhere
    ("emoji ZWJ sequence", "👩\u200d💻", "👩\u200d💻", ()),
    (
        "emoji with skin tone and VS16",
        "🧑🏽\u200d❤\ufe0f\u200d🧑🏿",
        "🧑🏽\u200d❤\ufe0f\u200d🧑🏿",
        (),
    ),
    ("rainbow flag", "🏳\ufe0f\u200d🌈", "🏳\ufe0f\u200d🌈", ()),
    ("Persian ZWNJ", "می\u200cخواهم", "می\u200cخواهم", ()),
    ("Devanagari half form", "क्\u200dष", "क्\u200dष", ()),
    ("Bengali ya-phala", "র\u200d্য", "র\u200d্য", ()),
    ("Malayalam ZWNJ", "കാ\u200cകൾ", "കാ\u200cകൾ", ()),
    ("Mongolian vowel separator", "ᠨᠠ\u180eᠠ", "ᠨᠠ\u180eᠠ", ()),
    ("ZWJ between Latin", "Ana\u200dMaria", "AnaMaria", ("removed the zero-width joiner U+200D",)),
    (
        "ZWNJ between Latin",
        "Auf\u200clage",
        "Auflage",
        ("removed the zero-width non-joiner U+200C",),
    ),
    ("ZWNJ between Greek", "Αλ\u200cφα", "Αλφα", ("removed the zero-width non-joiner U+200C",)),
    ("ZWJ between Cyrillic", "Иван\u200dов", "Иванов", ("removed the zero-width joiner U+200D",)),
    ("ZWNJ at the start", "\u200cمی", "می", ("removed the zero-width non-joiner U+200C",)),
    ("ZWNJ at the end", "می\u200c", "می", ("removed the zero-width non-joiner U+200C",)),
    ("ZWJ from Latin to Arabic", "a\u200dب", "aب", ("removed the zero-width joiner U+200D",)),
    ("ZWNJ between emoji", "👩\u200c💻", "👩💻", ("removed the zero-width non-joiner U+200C",)),
    ("ZWJ from emoji to letter", "👩\u200dA", "👩A", ("removed the zero-width joiner U+200D",)),
    ("MVS between Latin", "a\u180eb", "ab", ("removed the Mongolian vowel separator U+180E",)),
    # tag characters: a flag, or hidden text
    (
        "flag of Scotland",
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
        (),
    ),
    (
        "hidden text in tags",
        "Ana\U000e0068\U000e0069",
        "Ana",
        ("removed 2 invisible tag characters (U+E0001–U+E007F)",),
    ),
    ("one stray tag", "Ana\U000e007f", "Ana", ("removed the tag character U+E007F",)),
    ("printing format character kept", "\u0600١٢", "\u0600١٢", ()),
    # whitespace on one line
    (
        "tab and newline",
        "Tom\tJacobs\ngaard",
        "Tom Jacobs gaard",
        ("replaced a tab with a space", "replaced a line break with a space"),
    ),
    ("CR LF is one break", "Tom\r\nJacobs", "Tom Jacobs", ("replaced a line break with a space",)),
    ("line separator", "Tom\u2028Jacobs", "Tom Jacobs", ("replaced a line break with a space",)),
    (
        "paragraph separator",
        "Tom\u2029Jacobs",
        "Tom Jacobs",
        ("replaced a line break with a space",),
    ),
    ("NEL is a line break", "Tom\x85Jacobs", "Tom Jacobs", ("replaced a line break with a space",)),
    (
        "Word's manual line break",
        "Tom\x0bJacobs",
        "Tom Jacobs",
        ("replaced a line break with a space",),
    ),
    ("blank line", "Tom \n\n Jacobs", "Tom Jacobs", ("replaced a line break with a space",)),
    ("double space", "Anna  Berg", "Anna Berg", ("collapsed repeated spaces into one",)),
    ("no-break space kept", "M.\u00a0Dupont", "M.\u00a0Dupont", ()),
    ("narrow no-break space kept", "Quoi\u202f?", "Quoi\u202f?", ()),
    ("ends stripped silently", "  Tom Jacobs \t\n", "Tom Jacobs", ()),
    ("no-break space at the ends stripped", "\u00a0Tom\u00a0", "Tom", ()),
    ("YAML block scalar newline", "Tom\n", "Tom", ()),
    (
        "removal then collapse",
        "Ana \u200b Maria",
        "Ana Maria",
        ("removed the zero-width space U+200B", "collapsed repeated spaces into one"),
    ),
    ("removal then strip", "Ana \u200b", "Ana", ("removed the zero-width space U+200B",)),
    (
        "removal then recompose",
        "A\u200b\u030angström",
        "Ångström",
        ("removed the zero-width space U+200B",),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "changes"),
    [case[1:] for case in SINGLE_LINE],
    ids=[case[0] for case in SINGLE_LINE],
)
def test_single_line(text: str, expected: str, changes: tuple[str, ...]) -> None:
    assert clean(text, single_line=True) == Cleaned(expected, tuple(map(Change, changes)))


MULTI_LINE = [
    ("paragraphs kept", "One.\n\nTwo.\nThree.", "One.\n\nTwo.\nThree.", ()),
    ("CR LF and CR become LF", "One.\r\n\r\nTwo.\rThree.", "One.\n\nTwo.\nThree.", ()),
    ("U+2029 is a paragraph break", "One.\u2029Two.\u2028Three.", "One.\n\nTwo.\nThree.", ()),
    ("tabs kept", "a\tb", "a\tb", ()),
    ("ends stripped", "\n\n  One.\n\n", "One.", ()),
    ("double spaces left to layout", "a  b", "a  b", ()),
    ("controls removed", "a\x07\nb", "a\nb", ("removed the control character U+0007",)),
    (
        "removed between CR and LF",
        "One.\r\x00\nTwo.",
        "One.\nTwo.",
        ("removed the control character U+0000",),
    ),
    ("bidi removed", "a\u202e\nb", "a\nb", ("removed the bidi override U+202E",)),
]


@pytest.mark.parametrize(
    ("text", "expected", "changes"),
    [case[1:] for case in MULTI_LINE],
    ids=[case[0] for case in MULTI_LINE],
)
def test_multi_line(text: str, expected: str, changes: tuple[str, ...]) -> None:
    assert clean(text, single_line=False) == Cleaned(expected, tuple(map(Change, changes)))


REFUSED = [
    (
        "private use",
        "Ana\ue000",
        "contains the private-use character U+E000 after 'Ana', which means something only"
        " in the font it came from; replace it with a standard character or remove it",
    ),
    (
        "private use, plane 15",
        "\U000f0000Ana",
        "contains the private-use character U+F0000 at the start, which means something only"
        " in the font it came from; replace it with a standard character or remove it",
    ),
    (
        "private use, plane 16",
        "Ana \U00100001",
        "contains the private-use character U+100001 after 'Ana ', which means something only"
        " in the font it came from; replace it with a standard character or remove it",
    ),
    (
        "lone surrogate",
        "Ana\ud800",
        "contains the lone surrogate U+D800 after 'Ana', half of a broken character;"
        " retype the text around it",
    ),
    (
        "surrogate pair from a JSON-style escape",
        "Ana \ud83d\ude00",
        "contains U+D83D U+DE00 after 'Ana ', a UTF-16 surrogate pair standing for '😀'"
        " (U+1F600); write the character itself, or \\U0001F600 in a double-quoted string",
    ),
    (
        "noncharacter U+FDD0",
        "Ana\ufdd0",
        "contains the noncharacter U+FDD0 after 'Ana', which is never text (usually a sign"
        " of a broken export); remove it",
    ),
    (
        "noncharacter U+FFFE",
        "\ufffeAna",
        "contains the noncharacter U+FFFE at the start, which is never text (usually a sign"
        " of a broken export); remove it",
    ),
    (
        "noncharacter U+1FFFF",
        "Ana\U0001ffff",
        "contains the noncharacter U+1FFFF after 'Ana', which is never text (usually a sign"
        " of a broken export); remove it",
    ),
    (
        "unassigned",
        "Ana\u0378",
        "contains U+0378 after 'Ana', which is not a character in Unicode"
        f" {unicodedata.unidata_version}; remove it, or check the text was copied correctly",
    ),
    (
        "context is the last twelve characters",
        "Anna Kildesgaard\ue000",
        "contains the private-use character U+E000 after ' Kildesgaard', which means"
        " something only in the font it came from; replace it with a standard character or"
        " remove it",
    ),
    ("empty", "", "is empty; write the text or remove the key"),
    ("only whitespace", " \t\n\u00a0", "is empty; write the text or remove the key"),
    (
        "only invisible",
        "\u200b\u202e\u200b",
        "holds only invisible characters (zero-width space U+200B, bidi override U+202E);"
        " write the text or remove the key",
    ),
    (
        "only a lone joiner",
        " \u200d ",
        "holds only invisible characters (zero-width joiner U+200D);"
        " write the text or remove the key",
    ),
]


@pytest.mark.parametrize(
    ("text", "problem"), [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED]
)
@pytest.mark.parametrize("single_line", [True, False])
def test_refused(text: str, problem: str, single_line: bool) -> None:
    with pytest.raises(Refused) as caught:
        clean(text, single_line=single_line)
    assert caught.value.problem == problem
    assert str(caught.value) == problem
    assert isinstance(caught.value, ValueError)


def test_refuses_the_first_of_several() -> None:
    with pytest.raises(Refused, match="U\\+E001 after 'a'"):
        clean("a\ue001\ue002", single_line=True)


# -- invariants, by Hypothesis ---------------------------------------------------------------

BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
REMOVED = BIDI | set("\u200b\u2060\ufeff\u00ad")
JOINERS = set("\u200c\u200d\u180e")
BREAKS = set("\n\r\v\f\x85\u2028\u2029")
TAGS = {chr(c) for c in range(0xE0000, 0xE0080)}

# Characters the rules are about, to mix into arbitrary text so that each rule meets others.
SPECIAL = (
    list("aZë \t\n\r\v\f\x85\u2028\u2029\x00\x1b\x7f\x9b")
    + ["\r\n", "  ", "\u030a", "\u0301", "\u0308", "A\u030a", "\u00a0", "\u202f", "\u2009"]
    + sorted(REMOVED | JOINERS)
    + list("بیخ\u0651\u064e\u0654اكक\u094dषর্যᠠᠨ")
    + ["👩", "💻", "❤", "\ufe0f", "\U0001f3fd", "🏴", "\U000e0067", "\U000e007f", "\U000e0001"]
    + ["\u0600", "\u212b", "\u037e", "\u2000", "\uf900", "Ω", "Ж", "λ", "漢", "ℌ", "\u2061"]
)
typeable = st.characters(exclude_categories=("Cs", "Co", "Cn"))
pieces = st.one_of(typeable, st.sampled_from(SPECIAL))
texts = st.lists(pieces, max_size=40).map("".join)
any_text = st.lists(
    st.one_of(
        pieces, st.characters(categories=("Cs", "Co", "Cn")), st.sampled_from("\ufdd0\uffff")
    ),
    max_size=20,
).map("".join)


def _cleaned(text: str, single_line: bool) -> Cleaned | None:
    try:
        return clean(text, single_line=single_line)
    except Refused:
        return None


def _script_word(char: str) -> str:
    return unicodedata.name(char, "").split(" ")[0]


@given(text=texts, single_line=st.booleans())
@example(text="👩\u200d💻", single_line=True)
@example(text="A\u200b\u030a", single_line=True)
@example(text="\r\x00\n", single_line=False)
def test_idempotent(text: str, single_line: bool) -> None:
    first = _cleaned(text, single_line)
    if first is not None:
        assert clean(first.text, single_line=single_line) == Cleaned(first.text, ())


@given(text=texts, single_line=st.booleans())
def test_output_has_none_of_the_removed_classes(text: str, single_line: bool) -> None:
    result = _cleaned(text, single_line)
    if result is None:
        return
    out = result.text
    assert out and out == out.strip()
    for i, char in enumerate(out):
        category = unicodedata.category(char)
        assert category not in ("Co", "Cn", "Cs")
        assert category != "Cc" or (not single_line and char in "\t\n"), repr(out)
        assert char not in REMOVED, repr(out)
        if char in JOINERS:
            assert 0 < i < len(out) - 1, repr(out)
            neighbours = {_script_word(out[i - 1]), _script_word(out[i + 1])}
            assert not neighbours & {"LATIN", "GREEK", "CYRILLIC"}, repr(out)
        if char in TAGS:  # only in an emoji tag sequence: emoji, tags, CANCEL TAG
            before = out[:i].rstrip("".join(TAGS))
            assert before and unicodedata.category(before[-1]) == "So", repr(out)
            assert out[i:].lstrip("".join(TAGS - {"\U000e007f"}))[:1] == "\U000e007f"


@given(text=texts)
def test_single_line_has_no_breaks_tabs_or_runs(text: str) -> None:
    result = _cleaned(text, single_line=True)
    if result is not None:
        assert not set(result.text) & (BREAKS | {"\t"})
        assert "  " not in result.text


@given(text=texts)
def test_multi_line_breaks_are_lf(text: str) -> None:
    result = _cleaned(text, single_line=False)
    if result is not None:
        assert not set(result.text) & (BREAKS - {"\n"})


@given(text=texts, single_line=st.booleans())
def test_output_is_nfc(text: str, single_line: bool) -> None:
    result = _cleaned(text, single_line)
    if result is not None:
        assert unicodedata.is_normalized("NFC", result.text)


def _silently(text: str, single_line: bool) -> str:
    """What the only unreported changes (composition, line endings, ends) make of ``text``."""
    if not single_line:
        text = text.replace("\r\n", "\n").replace("\u2029", "\n\n")
        text = "".join("\n" if char in BREAKS else char for char in text)
    return unicodedata.normalize("NFC", text).strip()


@given(text=texts, single_line=st.booleans())
def test_never_changes_silently(text: str, single_line: bool) -> None:
    result = _cleaned(text, single_line)
    if result is not None and not result.changes:
        assert result.text == _silently(text, single_line)


ordinary = st.characters(categories=("L", "M", "N", "P", "S"))


@given(words=st.lists(st.text(ordinary, min_size=1, max_size=8), min_size=1, max_size=6))
def test_ordinary_text_passes_untouched(words: list[str]) -> None:
    text = unicodedata.normalize("NFC", " ".join(words))
    assert clean(text, single_line=True) == Cleaned(text, ())


@given(text=any_text, single_line=st.booleans())
def test_refused_exactly_for_what_cannot_be_typeset(text: str, single_line: bool) -> None:
    untypesettable = any(unicodedata.category(c) in ("Co", "Cn", "Cs") for c in text)
    try:
        clean(text, single_line=single_line)
    except Refused as refused:
        assert refused.problem
        if not untypesettable:
            assert refused.problem.startswith(("is empty", "holds only invisible"))
    else:
        assert not untypesettable


def _fully(text: str, single_line: bool) -> Cleaned | None:
    try:
        return clean_fully(text, single_line=single_line)
    except Refused:
        return None


@given(text=any_text, single_line=st.booleans())
@example(text="Søren Ørsted-Hansen", single_line=True)
@example(text="A\u030a", single_line=True)  # not NFC: composed, and said
@example(text="a\u00a0", single_line=True)  # a no-break space to strip
@example(text="a\u2028b", single_line=False)
@example(text="Z" + "\u0336" * 9, single_line=True)  # NFC, yet a stack the rules refuse
def test_the_shortcut_for_clean_text_agrees_with_every_rule(text: str, single_line: bool) -> None:
    """``clean`` skips the rules for text they would leave alone (most names of a big list);
    what it returns is always what the rules give."""
    assert _cleaned(text, single_line) == _fully(text, single_line)
