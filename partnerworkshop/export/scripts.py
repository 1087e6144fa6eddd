"""Right-to-left scripts in the charter: which text needs shaping, and the order it shows in.

Arabic letters join, and Arabic and Hebrew run from right to left, also inside a line of Latin
text. reportlab shapes each word with HarfBuzz when a paragraph style asks for it (joining the
letters and setting a right-to-left word from right to left); what is left is the order of the
pieces of each line, which :func:`bidi_levels` and :func:`visual_order` find with the Unicode
bidirectional algorithm (python-bidi), one line at a time, as lines are laid out left to right.

A line is cut into pieces: the words, the spaces between them, and the punctuation at either
end of a word (a full stop after Arabic text belongs to the line, not to the Arabic word). Each
piece stands in the algorithm as one character of its class.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

from bidi import algorithm
from bidi.mirror import MIRRORED

RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})
"""Bidirectional classes of right-to-left letters and of Arabic digits."""
STRONG = frozenset({"L", "R", "AL"})
DIGITS = frozenset({"EN", "AN"})
SPACE = " "

_STAND_INS = {"L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "1", "AN": "\u0661"}
_OWN_STAND_INS = frozenset({"ON", "CS", "ES", "ET"})
_PRIVATE_USE = "Co"  # reportlab's own stand-ins for glyphs no character maps to


def needs_shaping(text: str) -> bool:
    """Whether the text holds right-to-left script, which must be shaped and reordered."""
    return not text.isascii() and any(_is_right_to_left(character) for character in text)


@cache
def _is_right_to_left(character: str) -> bool:
    return unicodedata.bidirectional(character) in RIGHT_TO_LEFT


def _class(character: str) -> str:
    if unicodedata.category(character) == _PRIVATE_USE:
        return "ON"
    return unicodedata.bidirectional(character)


def word_class(word: str) -> str:
    """The bidirectional class a word takes: of its first letter, else of its digits, else
    "ON" (a word of punctuation alone)."""
    digits = ""
    for character in word:
        kind = _class(character)
        if kind in STRONG:
            return kind
        if kind in DIGITS and not digits:
            digits = kind
    return digits or "ON"


def is_neutral(character: str) -> bool:
    """Punctuation and symbols: they take the direction of the text around them."""
    return _class(character) not in STRONG | DIGITS


def neutral_ends(text: str) -> tuple[int, int]:
    """How many neutral characters the word begins and ends with (none if it is all neutral)."""
    if all(is_neutral(character) for character in text):
        return 0, 0
    start = next(index for index, character in enumerate(text) if not is_neutral(character))
    end = next(index for index in range(len(text) - 1, -1, -1) if not is_neutral(text[index]))
    return start, len(text) - 1 - end


def mirrored(text: str) -> str:
    """Brackets and the like swapped for their mirror images, as right-to-left text shows them."""
    return "".join(MIRRORED.get(character, character) for character in text)


def shown_neutral(logical: str, level: int) -> str:
    """A neutral piece as it is drawn from the left at its level."""
    return mirrored(logical[::-1]) if level % 2 else logical


def bidi_levels(pieces: Sequence[str]) -> list[int]:
    """The embedding level of each piece of a left-to-right line: a word, a word's neutral
    end, or a space (" "), in the order written."""
    stand_ins = "".join(_stand_in(piece) for piece in pieces)
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 0
    storage["base_dir"] = "L"
    algorithm.get_embedding_levels(stand_ins, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    return [int(character["level"]) for character in storage["chars"]]


def _stand_in(piece: str) -> str:
    if piece == SPACE:
        return SPACE
    kind = word_class(piece)
    if kind in _STAND_INS:
        return _STAND_INS[kind]
    # Punctuation stands for itself (a percent sign next to digits is read with them); other
    # characters, the explicit direction marks among them, count as plain neutral ones.
    return next((c for c in piece if _class(c) in _OWN_STAND_INS), "!")


def visual_order(levels: Sequence[int]) -> list[int]:
    """The pieces' indices in the order they show from the left (rule L2 of the algorithm)."""
    order = list(range(len(levels)))
    for level in range(max(levels, default=0), 0, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = reversed(order[start:position])
                start = None
    return order


def logical_pieces(text: str) -> list[str]:
    """A line of text in the pieces the algorithm orders: words, their neutral ends, spaces."""
    pieces: list[str] = []
    for number, word in enumerate(text.split(SPACE)):
        if number:
            pieces.append(SPACE)
        if not word:
            continue
        lead, trail = neutral_ends(word)
        pieces += [
            piece
            for piece in (word[:lead], word[lead : len(word) - trail], word[len(word) - trail :])
            if piece
        ]
    return pieces
