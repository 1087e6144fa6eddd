"""The charter's fonts, and the one helper that turns user text into safe paragraph markup.

The charter is set in DejaVu Sans, which ships with the app and covers Latin, Greek, Cyrillic,
Hebrew and Arabic. Chinese, Japanese and Korean characters are drawn with a TrueType font found
on the computer (reportlab cannot embed the OpenType/CFF fonts many systems carry); without one,
the characters are reported as undrawable rather than printed as empty boxes. Text in a
right-to-left script is shaped and set in its order (see :mod:`.scripts`), in paragraphs
(:class:`ShapedParagraph`) and in the lines drawn straight on the page (:meth:`CharterFonts.draw`).

Importing this module loads reportlab, so only the export code imports it, and only when it runs.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFError, TTFont, shapeFragWord, shapeStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..resources import resource_path
from .charter.content import printed_lines
from .scripts import (
    SPACE,
    bidi_levels,
    logical_pieces,
    mirrored,
    needs_shaping,
    neutral_ends,
    shown_neutral,
    visual_order,
    word_class,
)

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
FALLBACK = "CharterFallback"

# reportlab shapes with discretionary ligatures on, which OpenType leaves off unless asked for:
# in DejaVu Sans they print "st" in "Logistics" as one old-fashioned glyph. Off, as everywhere.
shapeFragWord.__defaults__[0].pop("dlig", None)

# Common places of TrueType CJK fonts that reportlab can embed, most suitable first.
CJK_FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/msgothic.ttc", 0),
    ("C:/Windows/Fonts/malgun.ttf", 0),
)
CJK_PROBE = "中"
CJK_INSTALL_HINT = (
    "install a TrueType CJK font such as WenQuanYi Micro Hei "
    "(on Debian or Ubuntu: the package fonts-wqy-microhei) and export again"
)


@dataclass(frozen=True)
class FallbackFont:
    path: Path
    subfont: int = 0


@cache
def _loadable(path: Path, subfont: int) -> TTFont | None:
    """The font, read once (a CJK font file takes a good part of a second to read)."""
    try:
        font = TTFont(FALLBACK, str(path), subfontIndex=subfont)
    except (TTFError, OSError, ValueError):
        return None
    return font if ord(CJK_PROBE) in font.face.charToGlyph else None


def _fc_match_cjk() -> Path | None:
    """The font fontconfig picks for Chinese text, when it is a TrueType file."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        found = subprocess.run(
            [fc_match, "--format=%{file}", ":lang=zh"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found) if found.lower().endswith((".ttf", ".ttc")) else None


@cache
def find_cjk_font() -> FallbackFont | None:
    """A TrueType font on this computer that draws Chinese, Japanese and Korean text."""
    candidates = [(Path(path), subfont) for path, subfont in CJK_FONT_CANDIDATES]
    found = _fc_match_cjk()
    if found is not None:
        candidates.append((found, 0))
    for path, subfont in candidates:
        if path.is_file() and _loadable(path, subfont) is not None:
            return FallbackFont(path, subfont)
    return None


class CharterFonts:
    """The registered fonts and what they can draw."""

    def __init__(self, fallback: FallbackFont | None) -> None:
        fonts_dir = resource_path("fonts")
        regular = TTFont(REGULAR, str(fonts_dir / "DejaVuSans.ttf"))
        for font in (
            regular,
            TTFont(BOLD, str(fonts_dir / "DejaVuSans-Bold.ttf")),
            TTFont(ITALIC, str(fonts_dir / "DejaVuSans-Oblique.ttf")),
        ):
            pdfmetrics.registerFont(font)
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        self.fallback = fallback
        self._main: dict[int, int] = regular.face.charToGlyph
        self._extra: dict[int, int] = {}
        if fallback is not None:
            fallback_font = _loadable(fallback.path, fallback.subfont)
            if fallback_font is not None:
                pdfmetrics.registerFont(fallback_font)
                self._extra = fallback_font.face.charToGlyph
            else:
                self.fallback = None

    def can_draw(self, character: str) -> bool:
        code = ord(character)
        return code in self._main or code in self._extra

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The characters in ``texts`` that no charter font can draw, in order of appearance."""
        found: dict[str, None] = {}
        for text in texts:
            if text.isascii():
                continue
            for character in text:
                if (
                    character not in found
                    and not is_invisible(character)
                    and not self.can_draw(character)
                ):
                    found[character] = None
        return list(found)

    def markup(self, text: str) -> str:
        """User text as paragraph markup that prints exactly what was typed.

        Markup characters are escaped, line breaks kept, control characters shown as spaces,
        and characters the main font lacks are set in the fallback font when it has them.
        """
        text = printed_lines(text)
        if text.isascii() and text.isprintable():
            return escape(text)
        pieces: list[str] = []
        run: list[str] = []
        run_in_fallback = False
        for character in text:
            if character == "\n":
                shown = character
            elif is_invisible(character):
                shown = " "
            elif unicodedata.category(character) == "Cs":
                shown = "\ufffd"  # half of a broken character pair: show the replacement mark
            else:
                shown = character
            in_fallback = (
                bool(self._extra)
                and ord(shown) not in self._main
                and ord(shown) in self._extra
                and shown != "\n"
            )
            if in_fallback != run_in_fallback and run:
                pieces.append(self._run_markup("".join(run), run_in_fallback))
                run = []
            run_in_fallback = in_fallback
            run.append(shown)
        if run:
            pieces.append(self._run_markup("".join(run), run_in_fallback))
        return "".join(pieces)

    @staticmethod
    def _run_markup(run: str, in_fallback: bool) -> str:
        escaped = escape(run).replace("\n", "<br/>")
        return f'<font name="{FALLBACK}">{escaped}</font>' if in_fallback else escaped

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """``text`` split into runs of one font each: (font name, characters)."""
        main = BOLD if bold else REGULAR
        runs: list[tuple[str, str]] = []
        for character in text:
            code = ord(character)
            name = FALLBACK if code not in self._main and code in self._extra else main
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + character)
            else:
                runs.append((name, character))
        return runs

    def placed(self, text: str, size: float, bold: bool = False) -> list[tuple[str, str, float]]:
        """``text`` as drawn on one line, from the left: (font name, characters, width) runs.

        Right-to-left words are shaped, and the words set in the order they show in.
        """
        if not needs_shaping(text):
            return [
                (name, run, pdfmetrics.stringWidth(run, name, size))
                for name, run in self.runs(text, bold)
            ]
        pieces = logical_pieces(text)
        levels = bidi_levels(pieces)
        placed: list[tuple[str, str, float]] = []
        for index in visual_order(levels):
            piece = pieces[index]
            if word_class(piece) == "ON":  # spaces and punctuation
                for name, run in self.runs(shown_neutral(piece, levels[index]), bold):
                    placed.append((name, run, pdfmetrics.stringWidth(run, name, size)))
                continue
            for name, run in self.runs(piece, bold):
                shaped = shapeStr(run, name, size)
                placed.append((name, shaped, _shaped_width(shaped, name, size)))
        return placed

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """How wide ``text`` is when drawn on one line."""
        return float(sum(width for _, _, width in self.placed(text, size, bold)))

    def draw(
        self,
        canvas: Canvas,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: Literal["left", "right", "centre"] = "left",
    ) -> None:
        """Draw one line of user text, each character in a font that has it."""
        text = "".join(" " if is_invisible(character) else character for character in text)
        placed = self.placed(text, size, bold)
        if align != "left":
            width = sum(width for _, _, width in placed)
            x -= width if align == "right" else width / 2
        for name, run, width in placed:
            canvas.setFont(name, size)
            canvas.drawString(x, y, run)
            x += width

    def fit(self, text: str, size: float, width: float, bold: bool = False) -> str:
        """``text`` cut short with an ellipsis so that it fits on one line of ``width``."""
        if self.width(text, size, bold) <= width:
            return text
        while text and self.width(text + "…", size, bold) > width:
            text = text[:-1]
        return text.rstrip() + "…"


def _shaped_width(text: str, name: str, size: float) -> float:
    if isinstance(text, ShapedStr):
        return float(sum(glyph.x_advance for glyph in text.__shapeData__) * size / 1000)
    return float(pdfmetrics.stringWidth(text, name, size))


class ShapedParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that shows the words of each line in their order, when its style shapes
    text (reportlab shapes each word, but leaves the words in the order they were written).

    A piece of italic text with letters the oblique face lacks (Arabic) is set upright.
    """

    def __init__(self, markup: str, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        super().__init__(markup, style, *args, **kwargs)
        if not style.shaping:
            return
        italic = pdfmetrics.getFont(ITALIC).face.charToGlyph
        for piece in self.frags:  # the part of a split paragraph has its pieces set already
            text = getattr(piece, "text", "")
            if getattr(piece, "fontName", None) == ITALIC and any(
                ord(c) not in italic for c in text
            ):
                piece.fontName = REGULAR

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 - reportlab's name
        lines = self.blPara
        if not self.style.shaping or lines.kind != 1:
            super().drawPara(debug)
            return
        written = lines.lines
        lines.lines = [_in_visual_order(line) for line in written]
        try:
            super().drawPara(debug)
        finally:
            lines.lines = written


def _in_visual_order(line: Any) -> Any:
    """A laid-out line with its pieces in the order they show from the left.

    reportlab has shaped each word already, so a right-to-left word's characters are stored
    from the left as they show; its neutral ends (punctuation) are taken off, put back in the
    order written, and placed by the algorithm like every other piece.
    """
    words: list[list[Any]] = [[]]
    for piece in line.words:
        text = piece.text if not hasattr(piece, "cbDefn") else ""
        if not text:
            words[-1].append(piece)
            continue
        start = 0
        for index, character in enumerate(text):
            if character == SPACE:
                if index > start:
                    words[-1].append(piece.clone(text=text[start:index]))
                if words[-1]:
                    words.append([])
                start = index + 1
        if start < len(text):
            words[-1].append(piece.clone(text=text[start:]))
    texts: list[str] = []  # each piece for the algorithm: as written for neutral ones
    drawn: list[list[Any]] = []  # and what draws it: a neutral piece, one template to clone
    neutral: set[int] = set()
    for number, word in enumerate(word for word in words if word):
        if number:
            texts.append(SPACE)
            drawn.append([drawn[-1][-1]])
            neutral.add(len(texts) - 1)
        for text, pieces, is_neutral_end in _word_pieces(word):
            if is_neutral_end:
                neutral.add(len(texts))
            texts.append(text)
            drawn.append(pieces)
    levels = bidi_levels(texts)
    order = visual_order(levels)
    if order == sorted(order) and not any(levels[index] % 2 for index in neutral):
        return line
    shown: list[Any] = []
    for index in order:
        if index in neutral:
            shown.append(drawn[index][0].clone(text=shown_neutral(texts[index], levels[index])))
        else:
            shown.extend(drawn[index])
    return line.clone(words=shown)


def _word_pieces(word: list[Any]) -> list[tuple[str, list[Any], bool]]:
    """A laid-out word as (text, pieces, whether a neutral end) in the order written."""
    if not all(getattr(piece, "text", "") for piece in word) or any(
        hasattr(piece, "cbDefn") for piece in word
    ):
        return [("".join(str(getattr(piece, "text", "")) for piece in word), word, False)]
    stored = "".join(str(piece.text) for piece in word)
    left, right = neutral_ends(stored)
    if not left and not right:
        return [(stored, word, False)]
    right_to_left = word_class(stored) in ("R", "AL")
    left_end = _cut(word, 0, left)
    core = _cut(word, left, len(stored) - right)
    right_end = _cut(word, len(stored) - right, len(stored))

    def written(pieces: list[Any]) -> str:
        text = "".join(str(piece.text) for piece in pieces)
        return mirrored(text[::-1]) if right_to_left else text

    first, last = (right_end, left_end) if right_to_left else (left_end, right_end)
    found: list[tuple[str, list[Any], bool]] = []
    if first:
        found.append((written(first), first[:1], True))
    found.append(("".join(str(piece.text) for piece in core), core, False))
    if last:
        found.append((written(last), last[:1], True))
    return found


def _cut(word: list[Any], start: int, end: int) -> list[Any]:
    """The pieces of ``word`` that hold its characters from ``start`` to ``end``."""
    pieces: list[Any] = []
    offset = 0
    for piece in word:
        text = piece.text
        low, high = max(start - offset, 0), min(end - offset, len(text))
        if low < high:
            pieces.append(
                piece if (low, high) == (0, len(text)) else piece.clone(text=text[low:high])
            )
        offset += len(text)
    return pieces


def is_invisible(character: str) -> bool:
    """Control characters: they have no glyph, and the charter prints them as spaces."""
    return unicodedata.category(character) == "Cc"


@cache
def charter_fonts(fallback: FallbackFont | None) -> CharterFonts:
    return CharterFonts(fallback)


def fonts_for(texts: Iterable[str]) -> CharterFonts:
    """The charter's fonts for these texts: the shipped font, and a CJK font from this computer
    only when the texts hold characters the shipped font cannot draw (looking for one is slow).
    """
    shipped = charter_fonts(None)
    if not shipped.missing(texts):
        return shipped
    return charter_fonts(find_cjk_font())
